package org.kinship.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again, and when to give up.
 *
 * <p>Attempt {@code n} (1-based: the first failure is attempt 1) waits
 * {@code min(base * 2^(n-1), cap)}, spread by &plusmn;20&nbsp;% so that deliveries which failed
 * together (a peer's outage) do not all come back in the same second. Delivery gives up once
 * the first failure is older than the window. The window is at least 48 hours because peers
 * are run by volunteers: an instance down for a weekend should still receive what was sent to
 * it. The last attempt is moved to the very end of the window rather than past it.
 *
 * <p>Deterministic given the clock and the random generator, and thread-safe when the generator is.
 */
public final class Backoff {

    /** The shortest window Kinship accepts: a weekend's outage. */
    public static final Duration MINIMUM_WINDOW = Duration.ofHours(48);
    static final double JITTER = 0.20;

    private final Duration base;
    private final Duration cap;
    private final Duration window;
    private final Clock clock;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, Duration window, Clock clock, RandomGenerator random) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got base " + base + " and cap " + cap);
        }
        if (window.compareTo(MINIMUM_WINDOW) < 0) {
            throw new IllegalArgumentException("the retry window must be at least " + MINIMUM_WINDOW.toHours() + " h, got " + window);
        }
    }

    /** 30 s, doubling up to 6 h, for 72 h. */
    public static Backoff standard(Clock clock, RandomGenerator random) {
        return new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofHours(72), clock, random);
    }

    /** The wait before the next try, after the {@code attempt}-th failure (1-based), jitter included. */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + attempt);
        }
        double factor = 1 + (random.nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.round(nominalDelay(attempt).toMillis() * factor));
    }

    /** {@code min(base * 2^(attempt-1), cap)}, without jitter. */
    public Duration nominalDelay(int attempt) {
        int doublings = attempt - 1;
        // Past 2^40 every sensible base is over any sensible cap; this also avoids overflow.
        if (doublings >= 40) {
            return cap;
        }
        long millis = base.toMillis() << doublings;
        return millis >= cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /**
     * When to try again after the {@code attempt}-th failure, or empty to give up.
     *
     * @param firstFailure when the first attempt failed
     * @param notBefore    the peer's Retry-After, if it sent one; honoured up to the cap, so a
     *                     peer cannot push a delivery out of the window with one header
     */
    public Optional<Instant> nextAttempt(int attempt, Instant firstFailure, Optional<Instant> notBefore) {
        Instant now = clock.instant();
        Instant giveUpAt = firstFailure.plus(window);
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Instant next = now.plus(delay(attempt));
        if (notBefore.isPresent() && notBefore.get().isAfter(next)) {
            Instant cappedPeerWish = now.plus(cap);
            next = notBefore.get().isBefore(cappedPeerWish) ? notBefore.get() : cappedPeerWish;
        }
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }

    public Duration window() {
        return window;
    }
}
