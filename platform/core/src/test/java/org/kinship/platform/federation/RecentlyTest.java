package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecentlyTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger lookups = new AtomicInteger();

    private Optional<String> lookup(String key) {
        lookups.incrementAndGet();
        return key.startsWith("missing") ? Optional.empty() : Optional.of(key.toUpperCase() + lookups.get());
    }

    @Test
    void aFoundValueIsAnsweredUntilItsTimeIsUp() {
        Recently<String, String> recently = new Recently<>(Duration.ofSeconds(10), 100, nanos::get);
        assertEquals("A1", recently.get("a", this::lookup).orElseThrow());
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertEquals("A1", recently.get("a", this::lookup).orElseThrow(), "within its time: not looked up again");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("A2", recently.get("a", this::lookup).orElseThrow(), "after its time: looked up again");
        assertEquals(2, lookups.get());
    }

    @Test
    void nothingFoundIsNeverRemembered() {
        Recently<String, String> recently = new Recently<>(Duration.ofSeconds(10), 100, nanos::get);
        assertTrue(recently.get("missing", this::lookup).isEmpty());
        assertTrue(recently.get("missing", this::lookup).isEmpty());
        assertEquals(2, lookups.get());
    }

    @Test
    void aLookupUnderWayWhenClearedIsNotServedAfterwards() {
        Recently<String, String> recently = new Recently<>(Duration.ofSeconds(10), 100, nanos::get);
        // The lookup reads the old state; a write commits and clears while it is still under way.
        assertEquals("A1", recently.get("a", k -> {
            recently.clear();
            return lookup(k);
        }).orElseThrow());
        assertEquals("A2", recently.get("a", this::lookup).orElseThrow(), "the value read before the clear is outdated");
    }

    @Test
    void itStaysBounded() {
        Recently<String, String> recently = new Recently<>(Duration.ofSeconds(10), 3, nanos::get);
        for (String k : new String[] {"a", "b", "c", "d"}) {
            recently.get(k, this::lookup);
        }
        recently.get("a", this::lookup);
        assertEquals(5, lookups.get(), "a was dropped when the memory was full");
        recently.forget("d");
        recently.get("d", this::lookup);
        assertEquals(6, lookups.get());
    }
}
