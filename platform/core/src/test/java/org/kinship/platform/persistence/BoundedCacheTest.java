package org.kinship.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    @Test
    void loadsOnceAndServesFromMemory() {
        var cache = new BoundedCache<String, String>(10);
        var loads = new AtomicInteger();
        assertEquals("v", cache.get("k", () -> { loads.incrementAndGet(); return "v"; }));
        assertEquals("v", cache.get("k", () -> "other"));
        assertEquals(1, loads.get());
    }

    @Test
    void aValueLoadedWhileSomethingWasInvalidatedIsReturnedButNotKept() {
        var cache = new BoundedCache<String, String>(10);
        String returned = cache.get("k", () -> {
            cache.invalidate("unrelated"); // a write committed while this load read the old state
            return "stale?";
        });
        assertEquals("stale?", returned, "the caller still gets its answer");
        assertTrue(cache.peek("k").isEmpty(), "but it is not kept");
        assertEquals("fresh", cache.get("k", () -> "fresh"));
        assertEquals("fresh", cache.peek("k").orElseThrow());
    }

    @Test
    void putKeepsOnlyValuesFromTheCurrentGeneration() {
        var cache = new BoundedCache<String, Integer>(10);
        long since = cache.generation();
        cache.invalidateIf(k -> false);
        cache.put("k", 1, since);
        assertTrue(cache.peek("k").isEmpty());
        cache.put("k", 2, cache.generation());
        assertEquals(2, cache.peek("k").orElseThrow());
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        var cache = new BoundedCache<Integer, Integer>(2);
        cache.get(1, () -> 1);
        cache.get(2, () -> 2);
        cache.get(1, () -> -1); // touch 1: 2 is now the eldest
        cache.get(3, () -> 3);
        assertEquals(2, cache.size());
        assertTrue(cache.peek(1).isPresent());
        assertFalse(cache.peek(2).isPresent());
        assertTrue(cache.peek(3).isPresent());
    }

    @Test
    void invalidationBySelectorAndNullsAreNotKept() {
        var cache = new BoundedCache<String, String>(10);
        cache.get("a1", () -> "x");
        cache.get("b1", () -> "y");
        cache.invalidateIf(k -> k.startsWith("a"));
        assertFalse(cache.peek("a1").isPresent());
        assertTrue(cache.peek("b1").isPresent());
        cache.get("n", () -> null);
        assertFalse(cache.peek("n").isPresent());
        assertThrows(IllegalArgumentException.class, () -> new BoundedCache<String, String>(0));
    }
}
