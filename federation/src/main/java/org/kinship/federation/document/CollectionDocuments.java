package org.kinship.federation.document;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * Ordered collections (outbox, followers, moderators, a thread's context) and their pages. A small collection
 * (moderators, a group's recent outbox) is written whole; a large one (followers, a thread's context) as a count
 * and a link to its first page, which is how peers page through it.
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
     * A small collection of embedded documents written whole: a group's outbox as Lemmy reads it when it starts
     * following a community, {@code totalItems} and {@code orderedItems} on the collection itself (Lemmy's
     * {@code GroupOutbox} has no notion of pages, so items behind a {@code first} link would never be read).
     * Each item loses a repeat of our {@code @context}, as in {@link #pageOfDocuments}.
     */
    public static JsonObject orderedOfDocuments(URI id, List<JsonObject> items) {
        Fields fields = Fields.document(Fields.httpId(id, "id"), "OrderedCollection")
                .number("totalItems", items.size());
        if (!items.isEmpty()) {
            fields.array("orderedItems", embeddedAll(items));
        }
        return fields.build();
    }

    /**
     * A thread's FEP-7888 context: the ordered collection of the posts the thread's community shows in it
     * (FEP-f228's "collection of posts": the opening post first, then the replies in order), paged.
     *
     * @param owner the authority for the context (FEP-7888 {@code attributedTo}): the community's group, which
     *              also decides what is in it; peers address it when they take part
     * @param first the first page
     */
    public static JsonObject context(URI id, URI owner, long totalItems, URI first) {
        return Fields.document(Fields.httpId(id, "id"), "OrderedCollection")
                .iri("attributedTo", Fields.httpId(owner, "owner"))
                .number("totalItems", count(totalItems))
                .iri("first", Fields.httpId(first, "first"))
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
            fields.array("orderedItems", embeddedAll(items));
        }
        return fields.iri("next", Fields.optionalHttpId(next, "next"))
                .iri("prev", Fields.optionalHttpId(prev, "prev"))
                .build();
    }

    private static Fields pageHead(URI id, URI partOf) {
        return Fields.document(Fields.httpId(id, "id"), "OrderedCollectionPage")
                .iri("partOf", Fields.httpId(partOf, "partOf"));
    }

    private static JsonArrayBuilder embeddedAll(List<JsonObject> items) {
        JsonArrayBuilder array = Fields.JSON.createArrayBuilder();
        items.forEach(item -> array.add(ActivityDocuments.embedded(item)));
        return array;
    }

    private static long count(long totalItems) {
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems cannot be negative");
        }
        return totalItems;
    }
}
