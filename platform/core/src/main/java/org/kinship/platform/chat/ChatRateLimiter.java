package org.kinship.platform.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * How fast one member may post chat messages, in memory on this node: a burst of
 * {@code kinship.chat.rate.burst} messages (default 20), then {@code kinship.chat.rate.per-second}
 * (default 2). Kept per member, not per connection, so opening more tabs does not buy more.
 */
@ApplicationScoped
public class ChatRateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final int burst = Integer.getInteger("kinship.chat.rate.burst", 20);
    private final double perSecond = Double.parseDouble(System.getProperty("kinship.chat.rate.per-second", "2"));
    private final Map<MemberId, TokenBucket> buckets = new ConcurrentHashMap<>();

    public void check(MemberId member) {
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(member, m -> new TokenBucket(burst, perSecond, now));
        boolean allowed;
        synchronized (bucket) {
            allowed = bucket.tryTake(now);
        }
        if (!allowed) {
            throw new KinshipException(ErrorCode.RATE_LIMITED, "You are sending messages very fast. Please wait a moment.");
        }
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isFull(now);
                }
            });
        }
    }
}
