package org.kinship.platform.persistence;

/**
 * A CDI event: JPA wrote {@code entity} (persisted, updated or removed it). It is fired twice for
 * each write: once when the change is flushed ({@code committed == false}) and once after its
 * transaction completed ({@code committed == true}), so that an in-memory read model can drop what
 * it derived from the old state both before and after other transactions can see the new one.
 * Read models observe it; nothing else should.
 */
public record EntityChanged(Object entity, boolean committed) {
}
