package org.kinship.platform.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheRateApplies() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(0), "the burst is spent");
        assertFalse(bucket.tryTake(SECOND / 2), "half a token is not a token");
        assertTrue(bucket.tryTake(SECOND), "one token a second");
        assertFalse(bucket.tryTake(SECOND));
    }

    @Test
    void tokensNeverExceedTheCapacity() {
        TokenBucket bucket = new TokenBucket(2, 10, 0);
        long later = 3600 * SECOND;
        assertTrue(bucket.tryTake(later));
        assertTrue(bucket.tryTake(later));
        assertFalse(bucket.tryTake(later), "an hour of quiet refills the burst, not more");
    }

    @Test
    void aFullBucketCanBeForgotten() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        bucket.tryTake(0);
        assertFalse(bucket.isFull(0));
        assertTrue(bucket.isFull(SECOND));
    }

    @Test
    void aClockGoingBackwardsGivesNoTokens() {
        TokenBucket bucket = new TokenBucket(1, 1, 10 * SECOND);
        assertTrue(bucket.tryTake(10 * SECOND));
        assertFalse(bucket.tryTake(5 * SECOND));
    }
}
