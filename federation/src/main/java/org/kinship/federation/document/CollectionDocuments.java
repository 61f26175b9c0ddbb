package org.kinship.federation.document;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * Ordered collections (outbox, followers, moderators, a thread's context) and their pages. A small collection
 * (moderators) is written whole; a large one (followers, outbox) as a count and a link to its first page, which
 * is how peers page through it.
 *
 * <p>Named apart from {@link java.util.Collections}, which every caller also imports.
 */
public final class CollectionDocuments {

    private CollectionDocuments() {
    }

    /**
     * A collection given as its size and, when it can be browsed, its first page.
     *
     * @param first the first page, or {@code null} when the items are not shown (a followers count only)
     */
    public static JsonObject ordered(URI id, long totalItems, URI first) {
        return Fields.document(Fields.httpId(id, "id"), "OrderedCollection")
                .number("totalItems", count(totalItems))
                .iri("first", Fields.optionalHttpId(first, "first"))
                .build();
    }

    /** A small collection written whole, such as a community's moderators (FEP-1b12). */
    public static JsonObject orderedOf(URI id, List<URI> items) {
        return Fields.document(Fields.httpId(id, "id"), "OrderedCollection")
                .number("totalItems", items.size())
                .iris("orderedItems", items)
                .build();
    }

    /**
     * One page of ids.
     *
     * @param next the following page, or {@code null} on the last
     * @param prev the preceding page, or {@code null} on the first
     */
    public static JsonObject page(URI id, URI partOf, List<URI> items, URI next, URI prev) {
        return pageHead(id, partOf)
                .iris("orderedItems", items)
                .iri("next", Fields.optionalHttpId(next, "next"))
                .iri("prev", Fields.optionalHttpId(prev, "prev"))
                .build();
    }

    /** One page of embedded documents (an outbox's activities), each without a repeat of our {@code @context}. */
    public static JsonObject pageOfDocuments(URI id, URI partOf, List<JsonObject> items, URI next, URI prev) {
        Fields fields = pageHead(id, partOf);
        if (!items.isEmpty()) {
            JsonArrayBuilder array = Fields.JSON.createArrayBuilder();
            items.forEach(item -> array.add(ActivityDocuments.embedded(item)));
            fields.array("orderedItems", array);
        }
        return fields.iri("next", Fields.optionalHttpId(next, "next"))
                .iri("prev", Fields.optionalHttpId(prev, "prev"))
                .build();
    }

    private static Fields pageHead(URI id, URI partOf) {
        return Fields.document(Fields.httpId(id, "id"), "OrderedCollectionPage")
                .iri("partOf", Fields.httpId(partOf, "partOf"));
    }

    private static long count(long totalItems) {
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems cannot be negative");
        }
        return totalItems;
    }
}
