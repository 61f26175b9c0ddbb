package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.Interop;

/**
 * The collections peers backfill from: a group's recent outbox, written whole the way Lemmy reads it, and a
 * thread's FEP-7888 context, a paged collection of the thread's posts owned by its group.
 */
class CollectionDocumentsTest {
    private static final URI OUTBOX = Samples.uri("/c/storby/outbox");
    private static final URI FIRST = URI.create(Samples.THREAD_CONTEXT + "?page=1");

    @Test
    void anOutboxIsWrittenWholeWithItsAnnouncesInOrder() {
        JsonObject second = ActivityDocuments.announce(Samples.uri("/activities/announce/2"), Samples.GROUP,
                Samples.GROUP_FOLLOWERS, Samples.create(), Samples.PUBLISHED);
        JsonObject outbox = CollectionDocuments.orderedOfDocuments(OUTBOX, List.of(second, Samples.announce()));
        assertEquals(List.of("@context", "id", "type", "totalItems", "orderedItems"), List.copyOf(outbox.keySet()));
        assertEquals("OrderedCollection", outbox.getString("type"));
        assertEquals(2, outbox.getInt("totalItems"));
        JsonArray items = outbox.getJsonArray("orderedItems");
        assertEquals(Samples.uri("/activities/announce/2").toString(), items.getJsonObject(0).getString("id"));
        assertEquals(Samples.uri("/activities/announce/1").toString(), items.getJsonObject(1).getString("id"));
        assertFalse(items.getJsonObject(0).containsKey("@context"), "our context is said once, on the collection");
        assertEquals(Samples.create(), items.getJsonObject(0).getJsonObject("object"),
                "the announced Create is embedded exactly as it was sent live");
    }

    @Test
    void anEmptyOutboxIsACountOfZeroAndNoEmptyList() {
        JsonObject outbox = CollectionDocuments.orderedOfDocuments(OUTBOX, List.of());
        assertEquals(0, outbox.getInt("totalItems"));
        assertFalse(outbox.containsKey("orderedItems"));
    }

    @Test
    void ourOutboxHasWhatLemmysGroupOutboxHas() {
        JsonObject lemmy = read("lemmy-assets/lemmy/collections/group_outbox.json");
        JsonObject ours = Samples.all().get("OrderedCollection of documents");
        for (String key : lemmy.keySet()) {
            assertTrue(ours.containsKey(key), "ours has no '" + key + "'");
        }
        JsonObject theirItem = lemmy.getJsonArray("orderedItems").getJsonObject(0);
        JsonObject ourItem = ours.getJsonArray("orderedItems").getJsonObject(0);
        for (String key : theirItem.keySet()) {
            assertTrue(ourItem.containsKey(key), "our item has no '" + key + "'");
        }
        assertEquals(theirItem.getString("type"), ourItem.getString("type"));
        assertEquals(theirItem.getJsonObject("object").getString("type"), ourItem.getJsonObject("object").getString("type"));
        assertEquals(theirItem.getJsonObject("object").getJsonObject("object").getString("type"),
                ourItem.getJsonObject("object").getJsonObject("object").getString("type"));
    }

    @Test
    void aContextIsAPagedCollectionOwnedByItsGroup() {
        JsonObject context = CollectionDocuments.context(Samples.THREAD_CONTEXT, Samples.GROUP, 51, FIRST);
        assertEquals(List.of("@context", "id", "type", "attributedTo", "totalItems", "first"), List.copyOf(context.keySet()));
        assertEquals("OrderedCollection", context.getString("type"));
        assertEquals(Samples.THREAD_CONTEXT.toString(), context.getString("id"));
        assertEquals(Samples.GROUP.toString(), context.getString("attributedTo"));
        assertEquals(51, context.getInt("totalItems"));
        assertEquals(FIRST.toString(), context.getString("first"));
    }

    @Test
    void aContextIsWhatOurPostsPointAt() {
        assertEquals(Samples.page().getString("context"), Samples.all().get("OrderedCollection context").getString("id"));
        assertEquals(Samples.note().getString("context"), Samples.all().get("OrderedCollection context").getString("id"));
    }

    @Test
    void aContextPageListsPostIdsAndLinksOn() {
        JsonObject page = CollectionDocuments.page(FIRST, Samples.THREAD_CONTEXT, List.of(Samples.THREAD, Samples.REPLY),
                URI.create(Samples.THREAD_CONTEXT + "?page=2"), null);
        assertEquals("OrderedCollectionPage", page.getString("type"));
        assertEquals(Samples.THREAD_CONTEXT.toString(), page.getString("partOf"));
        assertEquals(List.of(Samples.THREAD.toString(), Samples.REPLY.toString()),
                page.getJsonArray("orderedItems").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(Samples.THREAD_CONTEXT + "?page=2", page.getString("next"));
        assertFalse(page.containsKey("prev"));
    }

    @Test
    void aContextNeedsAnOwnerAFirstPageAndACount() {
        assertThrows(NullPointerException.class, () -> CollectionDocuments.context(Samples.THREAD_CONTEXT, null, 1, FIRST));
        assertThrows(NullPointerException.class, () -> CollectionDocuments.context(Samples.THREAD_CONTEXT, Samples.GROUP, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> CollectionDocuments.context(Samples.THREAD_CONTEXT, Samples.GROUP, -1, FIRST));
        assertThrows(IllegalArgumentException.class,
                () -> CollectionDocuments.context(URI.create("urn:x:context"), Samples.GROUP, 1, FIRST));
    }

    private static JsonObject read(String relative) {
        return Fields.JSON.createReader(new ByteArrayInputStream(Interop.bytes(relative))).readObject();
    }
}
