package org.kinship.federation.jsonld;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What a top-level incoming document turned out to be: an activity, or an object (a note, an actor, ...). */
public sealed interface IncomingDocument permits Incoming, IncomingObject {

    /** The document's id; empty for a node the sender gave no id (an embedded Place, an attachment). */
    Optional<URI> id();

    /**
     * Every type the document claims, as full IRIs (a term the sender's context does not define is
     * {@code urn:x-kinship:undefined:Term}). The caller's switch uses the classified type; this is for logs.
     */
    List<String> typeIris();

    /** Whether the reader recognised none of the types: the caller refuses such a document. */
    boolean isUnknownType();
}
