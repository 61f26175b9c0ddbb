package org.kinship.federation.jsonld;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A value that senders write either as an id (a link to fetch, if policy allows) or as the object
 * itself, embedded. Embedded content must still be checked with {@link SameOrigin} before it is trusted.
 */
public sealed interface Ref {

    Optional<URI> id();

    /** Only the id was sent. */
    record Link(URI uri) implements Ref {
        public Link {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public Optional<URI> id() {
            return Optional.of(uri);
        }
    }

    /** The object or activity itself was sent. */
    record Embedded(IncomingDocument document) implements Ref {
        public Embedded {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public Optional<URI> id() {
            return document.id();
        }
    }

    /** The embedded object, if it is one (and not an activity or a bare link). */
    default Optional<IncomingObject> asObject() {
        return this instanceof Embedded e && e.document() instanceof IncomingObject o ? Optional.of(o) : Optional.empty();
    }

    /** The embedded activity, if it is one. */
    default Optional<Incoming> asActivity() {
        return this instanceof Embedded e && e.document() instanceof Incoming a ? Optional.of(a) : Optional.empty();
    }
}
