package org.kinship.platform.federation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A per-node memory of lookups the inbox repeats for every activity (the sender, the thread a reply answers, the
 * communities it names), so that taking an activity costs few database round trips. Entries live for a short,
 * fixed time: what another node changes is seen here after that time at the latest. Bounded: when full it is
 * emptied, which costs a round of lookups and never a wrong answer. Only found values are kept.
 *
 * <p>{@link #clear()} also outdates lookups still under way: each entry carries the generation it was looked up
 * in, and only entries of the current generation are answered. So a value read just before a write committed
 * (the owner clears on the write's flush and again after its commit) is never served afterwards.
 */
final class Recently<K, V> {
    private record Entry<V>(V value, long expiresAt, long generation) {
    }

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;

    Recently(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    Recently(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    Optional<V> get(K key, Function<K, Optional<V>> lookup) {
        long now = nanoClock.getAsLong();
        long current = generation.get();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0 && entry.generation() == current) {
            return Optional.of(entry.value());
        }
        Optional<V> found = lookup.apply(key);
        if (found.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(found.get(), now + ttlNanos, current));
        } else if (entry != null) {
            entries.remove(key, entry);
        }
        return found;
    }

    void forget(K key) {
        entries.remove(key);
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
