package org.kinship.platform.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache for read models, safe against the classic stale-fill race: a
 * value loaded while an invalidation happened is returned to its caller but not kept, because it may
 * have been read from the state before the change. Every invalidation, of any key, starts a new
 * generation; a load keeps its result only if no generation started while it ran.
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> entries;
    private long generation;

    public BoundedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > BoundedCache.this.capacity;
            }
        };
    }

    /** The cached value, or the loader's (kept unless an invalidation ran meanwhile). Null values are not kept. */
    public V get(K key, Supplier<V> loader) {
        long started;
        synchronized (this) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
            started = generation;
        }
        V loaded = loader.get();
        if (loaded != null) {
            synchronized (this) {
                if (generation == started) {
                    entries.put(key, loaded);
                }
            }
        }
        return loaded;
    }

    public synchronized Optional<V> peek(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Keeps a value computed elsewhere, under the same rule as {@link #get}: only if {@code since} is still current. */
    public synchronized void put(K key, V value, long since) {
        if (generation == since && value != null) {
            entries.put(key, value);
        }
    }

    /** The current generation, to pass to {@link #put} after loading. */
    public synchronized long generation() {
        return generation;
    }

    public synchronized void invalidate(K key) {
        generation++;
        entries.remove(key);
    }

    public synchronized void invalidateIf(Predicate<K> which) {
        generation++;
        entries.keySet().removeIf(which);
    }

    public synchronized void clear() {
        generation++;
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
