package org.kinship.federation.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, in-memory {@link ReplayGuard} for one server. With a two-hour window and 1,000
 * activities per second it could grow to millions of entries, so it is capped: when full it
 * drops expired entries, and if still full it forgets the oldest half rather than refusing
 * honest traffic (the activity-id deduplication in the inbox still catches those replays).
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    public InMemoryReplayGuard(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public boolean firstSeen(String signatureId, Instant forgetAfter) {
        if (seen.size() >= capacity) {
            evict();
        }
        Instant now = clock.instant();
        Instant previous = seen.putIfAbsent(signatureId, forgetAfter);
        if (previous == null) {
            return true;
        }
        if (previous.isBefore(now)) {
            // Expired entry that eviction has not yet removed: count as new.
            seen.put(signatureId, forgetAfter);
            return true;
        }
        return false;
    }

    public int size() {
        return seen.size();
    }

    private synchronized void evict() {
        if (seen.size() < capacity) {
            return;
        }
        Instant now = clock.instant();
        seen.values().removeIf(until -> until.isBefore(now));
        if (seen.size() >= capacity) {
            Instant[] untils = seen.values().toArray(new Instant[0]);
            java.util.Arrays.sort(untils);
            Instant median = untils[untils.length / 2];
            Iterator<Instant> it = seen.values().iterator();
            while (it.hasNext()) {
                if (!it.next().isAfter(median)) {
                    it.remove();
                }
            }
        }
    }
}
