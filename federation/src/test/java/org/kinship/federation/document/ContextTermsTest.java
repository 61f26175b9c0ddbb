package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.ContextDocuments;

/**
 * Every key Kinship writes means, to a JSON-LD processor working only from the bundled contexts, the IRI the
 * Fediverse uses for it. Expansion is done here with Titanium directly, strictly (an undefined term fails),
 * because our own reader is lenient on purpose and would hide an undefined term.
 */
class ContextTermsTest {

    private static final String AS = "https://www.w3.org/ns/activitystreams#";
    private static final String LEMMY = "https://join-lemmy.org/ns#";
    private static final String TOOT = "http://joinmastodon.org/ns#";
    private static final String MZ = "https://joinmobilizon.org/ns#";
    private static final String SC = "http://schema.org#";
    private static final String SEC = "https://w3id.org/security#";

    private final List<URI> refusedContexts = new CopyOnWriteArrayList<>();
    private final ContextDocuments contexts = ContextDocuments.bundled(refusedContexts::add);

    @AfterEach
    void nothingHadToBeFetched() {
        assertEquals(List.of(), refusedContexts);
    }

    @Test
    void everyKeyAndTypeExpandsToAnIriAndNothingIsDropped() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonObject> sample : Samples.all().entrySet()) {
            JsonObject expanded = expand(sample.getValue());
            walk(expanded, sample.getKey(), problems);
            int written = leaves(sample.getValue(), false);
            int meant = leaves(expanded, false);
            if (written != meant) {
                problems.add(sample.getKey() + ": " + written + " values written, " + meant + " after expansion");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void groupTerms() {
        JsonObject group = expand(Samples.group());
        assertEquals(AS + "Group", type(group));
        assertEquals("false", value(group, LEMMY + "postingRestrictedToMods"));
        assertEquals("true", value(group, AS + "manuallyApprovesFollowers"));
        assertEquals(Samples.GROUP_MODERATORS.toString(), value(group, LEMMY + "moderators"));
        assertEquals(Samples.GROUP_MODERATORS.toString(), value(group, AS + "attributedTo"));
        assertEquals(Samples.GROUP.toString(), value(node(group, SEC + "publicKey"), SEC + "owner"));
        assertEquals(Samples.SHARED_INBOX.toString(), value(node(group, AS + "endpoints"), AS + "sharedInbox"));
        assertEquals(Samples.GROUP_FOLLOWERS.toString(), value(group, AS + "followers"));
        assertEquals(URI.create(Samples.GROUP + "/inbox").toString(), value(group, "http://www.w3.org/ns/ldp#inbox"));
    }

    @Test
    void personIsNotDiscoverable() {
        JsonObject person = expand(Samples.person());
        assertEquals("false", value(person, TOOT + "discoverable"));
        assertEquals(Samples.MEMBER + "/following", value(person, AS + "following"));
    }

    @Test
    void pageTerms() {
        JsonObject page = expand(Samples.page());
        assertEquals("true", value(page, AS + "sensitive"));
        assertEquals(Samples.THREAD_CONTEXT.toString(), value(page, AS + "context"));
        assertEquals(Samples.GROUP.toString(), value(page, AS + "audience"));
        assertEquals("text/markdown", value(node(page, AS + "source"), AS + "mediaType"));
    }

    @Test
    void eventTermsAreMobilizons() {
        JsonObject event = expand(Samples.event());
        assertEquals("Europe/Oslo", value(event, MZ + "timezone"));
        assertEquals("free", value(event, MZ + "joinMode"));
        assertEquals("false", value(event, MZ + "isOnline"));
        assertEquals("false", value(event, MZ + "anonymousParticipationEnabled"));
        assertEquals("5", value(event, MZ + "participantCount"));
        assertEquals("12", value(event, SC + "maximumAttendeeCapacity"));
        assertEquals("MEETING", value(event, SC + "category"));
        assertEquals("2025-03-14T18:00:00+01:00", value(event, AS + "startTime"), "wall time in Oslo, with offset");
        JsonObject place = node(event, AS + "location");
        assertEquals(AS + "Place", type(place));
        JsonObject address = node(place, SC + "address");
        assertEquals(SC + "PostalAddress", type(address));
        assertEquals("Storgata 1", value(address, SC + "streetAddress"));
        assertEquals("Norge", value(address, SC + "addressCountry"));
    }

    @Test
    void tombstoneFormerTypeIsAType() {
        JsonObject tombstone = expand(Samples.tombstone());
        assertEquals(AS + "Note", value(tombstone, AS + "formerType"));
        assertEquals(Samples.UPDATED.toString(), value(tombstone, AS + "deleted"));
    }

    @Test
    void lockHasAnIri() {
        assertEquals(LEMMY + "Lock", type(expand(Samples.all().get("Lock"))));
    }

    @Test
    void collectionTerms() {
        JsonObject collection = expand(Samples.all().get("OrderedCollection of ids"));
        assertEquals("2", value(collection, AS + "totalItems"));
        JsonArray items = collection.getJsonArray(AS + "items").getJsonObject(0).getJsonArray("@list");
        assertEquals(List.of(Samples.MODERATOR.toString(), Samples.MEMBER.toString()),
                items.stream().map(i -> i.asJsonObject().getString("@id")).toList());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private JsonObject expand(JsonObject document) {
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(document)).loader(contexts)
                    .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail).get();
            assertEquals(1, expanded.size(), "one node");
            return expanded.getJsonObject(0);
        } catch (JsonLdError e) {
            return fail("not valid JSON-LD here: " + e.getMessage() + "\n" + document, e);
        }
    }

    /** Keys and types must be keywords or absolute IRIs; AS's {@code @vocab "_:"} turns an unknown term into a blank node. */
    private static void walk(JsonValue value, String where, List<String> problems) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> walk(v, where, problems));
        } else if (value instanceof JsonObject object) {
            object.forEach((key, v) -> {
                if (!key.startsWith("@") && !isIri(key)) {
                    problems.add(where + ": key " + key);
                }
                if (key.equals("@type") && !object.containsKey("@value")) {
                    for (JsonValue t : v instanceof JsonArray a ? a : List.of(v)) {
                        if (!(t instanceof JsonString s) || !isIri(s.getString())) {
                            problems.add(where + ": type " + t);
                        }
                    }
                }
                walk(v, where + "/" + key, problems);
            });
        }
    }

    private static boolean isIri(String s) {
        return !s.startsWith("_:") && URI.create(s).isAbsolute();
    }

    /**
     * Strings, numbers and booleans, outside {@code @context} and without a value's datatype: a term that
     * expansion silently drops (mapped to null, say) makes the counts differ.
     */
    private static int leaves(JsonValue value, boolean inValueObject) {
        if (value instanceof JsonArray array) {
            return array.stream().mapToInt(v -> leaves(v, false)).sum();
        }
        if (value instanceof JsonObject object) {
            int n = 0;
            boolean valueObject = object.containsKey("@value");
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (e.getKey().equals("@context") || valueObject && e.getKey().equals("@type")) {
                    continue;
                }
                n += leaves(e.getValue(), valueObject);
            }
            return n;
        }
        return value instanceof JsonStructure ? 0 : 1;
    }

    private static String type(JsonObject node) {
        return node.getJsonArray("@type").getString(0);
    }

    /** The first value of a property: an IRI, or a literal's lexical form. */
    private static String value(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(property);
        assertTrue(values != null && !values.isEmpty(), property + " missing in " + node);
        JsonObject first = values.getJsonObject(0);
        if (first.containsKey("@id")) {
            return first.getString("@id");
        }
        JsonValue v = first.get("@value");
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static JsonObject node(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(property);
        assertTrue(values != null && !values.isEmpty(), property + " missing in " + node);
        return values.getJsonObject(0);
    }
}
