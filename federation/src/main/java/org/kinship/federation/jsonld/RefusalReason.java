package org.kinship.federation.jsonld;

/**
 * Why an incoming document was not read. The code is stable: it goes into logs, metrics and the
 * {@code {"error", "message"}} body the inbox answers with, so remote operators can act on it.
 */
public enum RefusalReason {
    /** The body is larger than the reader accepts. */
    TOO_LARGE("too_large"),
    /** Objects or arrays nest deeper than the reader accepts. */
    TOO_DEEP("too_deep"),
    /** The body nests more {@code @context} values than the reader processes for one document. */
    TOO_COMPLEX("too_complex"),
    /** The body is not well-formed UTF-8 JSON. */
    MALFORMED_JSON("malformed_json"),
    /** The body is JSON but not a single object. */
    NOT_AN_OBJECT("not_an_object"),
    /** A nested {@code @context} names a document that is not bundled; it is never fetched. */
    CONTEXT_UNAVAILABLE("context_unavailable"),
    /** The JSON-LD processor rejected the document (bad {@code @context}, bad keyword use, ...). */
    INVALID_JSONLD("invalid_jsonld"),
    /** The document's {@code id} is not an absolute http(s) IRI. */
    INVALID_ID("invalid_id"),
    /** The document is a graph or a list of nodes rather than one activity or object. */
    UNSUPPORTED_SHAPE("unsupported_shape"),
    /** An activity was expected and the document is an object (or the other way round). */
    WRONG_KIND("wrong_kind"),
    /** Anything else that went wrong while reading: a defect here, never the sender's fault alone. */
    UNREADABLE("unreadable");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    /** The stable, snake_case code. */
    public String code() {
        return code;
    }
}
