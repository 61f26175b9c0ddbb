package org.kinship.federation.jsonld;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of reading one incoming document: what was read, or why it was refused. Reading never
 * throws for any input, so callers switch on this instead of catching.
 *
 * @param <T> what a successful read yields
 */
public sealed interface ReadResult<T> {

    /** A document that was read. */
    record Read<T>(T value) implements ReadResult<T> {
        public Read {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A document that was refused, with a stable reason and a message for a human. */
    record Refused<T>(RefusalReason reason, String message) implements ReadResult<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> ReadResult<T> read(T value) {
        return new Read<>(value);
    }

    static <T> ReadResult<T> refused(RefusalReason reason, String message) {
        return new Refused<>(reason, message);
    }

    /** Maps a successful read; a refusal stays the same refusal. */
    default <U> ReadResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Read<T> r) {
            return new Read<>(f.apply(r.value()));
        }
        Refused<T> refused = (Refused<T>) this;
        return new Refused<>(refused.reason(), refused.message());
    }

    default boolean isRead() {
        return this instanceof Read;
    }
}
