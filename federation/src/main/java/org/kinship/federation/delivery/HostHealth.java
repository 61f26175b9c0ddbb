package org.kinship.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers which peers are failing, so that a dead host costs each queued delivery one map
 * lookup instead of a connect timeout.
 *
 * <p>After {@code failuresBeforeRest} consecutive failures (timeouts, refused connections, TLS
 * failures, 5xx, 408, 429) a host is <em>resting</em> until a time {@link #restingUntil} tells.
 * The first rest lasts {@code firstRest}; each failed probe after a rest doubles it, up to
 * {@code longestRest}. When the rest is over, the next request is a probe: one success
 * forgets the host's history, one failure sends it back to rest for longer.
 *
 * <p>Only failing hosts are remembered (a success removes the entry). Thread-safe.
 */
public final class HostHealth {

    private record State(int consecutiveFailures, int rests, Instant restingUntil) {
    }

    private final int failuresBeforeRest;
    private final Duration firstRest;
    private final Duration longestRest;
    private final Clock clock;
    private final ConcurrentMap<String, State> failing = new ConcurrentHashMap<>();

    public HostHealth(int failuresBeforeRest, Duration firstRest, Duration longestRest, Clock clock) {
        if (failuresBeforeRest < 1) {
            throw new IllegalArgumentException("failuresBeforeRest must be at least 1, got " + failuresBeforeRest);
        }
        this.failuresBeforeRest = failuresBeforeRest;
        this.firstRest = Objects.requireNonNull(firstRest, "firstRest");
        this.longestRest = Objects.requireNonNull(longestRest, "longestRest");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (firstRest.isNegative() || longestRest.compareTo(firstRest) < 0) {
            throw new IllegalArgumentException("need 0 <= firstRest <= longestRest");
        }
    }

    /** Three failures in a row, then 1 minute of rest, doubling up to 1 hour. */
    public static HostHealth standard(Clock clock) {
        return new HostHealth(3, Duration.ofMinutes(1), Duration.ofHours(1), clock);
    }

    /** The end of the host's rest, when it is resting now. */
    public Optional<Instant> restingUntil(String host) {
        State state = failing.get(key(host));
        if (state == null || state.restingUntil() == null || !state.restingUntil().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(state.restingUntil());
    }

    public boolean isResting(String host) {
        return restingUntil(host).isPresent();
    }

    public int consecutiveFailures(String host) {
        State state = failing.get(key(host));
        return state == null ? 0 : state.consecutiveFailures();
    }

    /** The host answered (whatever the answer, unless it asked us to come back later). */
    public void recordSuccess(String host) {
        failing.remove(key(host));
    }

    /** The host failed in a way worth retrying. */
    public void recordFailure(String host) {
        Instant now = clock.instant();
        failing.compute(key(host), (h, state) -> {
            int failures = state == null ? 1 : state.consecutiveFailures() + 1;
            int rests = state == null ? 0 : state.rests();
            Instant until = state == null ? null : state.restingUntil();
            // Requests that were already in flight when the rest began fail during it: they
            // confirm the rest, they do not lengthen it.
            boolean restingNow = until != null && until.isAfter(now);
            if (failures >= failuresBeforeRest && !restingNow) {
                rests++;
                until = now.plus(rest(rests));
            }
            return new State(failures, rests, until);
        });
    }

    private Duration rest(int rests) {
        int doublings = Math.min(rests - 1, 30);
        Duration rest = firstRest.multipliedBy(1L << doublings);
        return rest.compareTo(longestRest) > 0 ? longestRest : rest;
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
