package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kinship.federation.document.ActivityDocuments.Act;
import org.kinship.federation.document.ObjectDocuments.Body;
import org.kinship.federation.document.ObjectDocuments.Meetup;
import org.kinship.federation.document.ObjectDocuments.Posting;
import org.kinship.federation.jsonld.ObjectType;

/** The rules every written document follows: nothing null or empty, exact bytes, no invented recipients. */
class WritingRulesTest {

    @Test
    void nothingIsWrittenAsNullOrEmpty() {
        List<String> problems = new ArrayList<>();
        Samples.all().forEach((name, document) -> findEmpties(document, name, problems));
        findEmpties(ObjectDocuments.page(bare(), "Tittel", null), "bare Page", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void absentValuesAreLeftOut() {
        JsonObject page = ObjectDocuments.page(bare(), "Tittel", new Body(null, "", "  "));
        assertEquals(List.of("@context", "id", "type", "name", "sensitive", "attributedTo", "published"),
                List.copyOf(page.keySet()));
        assertFalse(page.getBoolean("sensitive"), "a blank warning is no warning");

        JsonObject person = ActorDocuments.person(new ActorDocuments.Person(Samples.MEMBER, "lys", "Lys", null, null,
                new ActorDocuments.Mailboxes(URI.create(Samples.MEMBER + "/inbox"),
                        URI.create(Samples.MEMBER + "/outbox"), URI.create(Samples.MEMBER + "/followers"), null),
                URI.create(Samples.MEMBER + "/following"), Samples.key(Samples.MEMBER)));
        for (String absent : List.of("url", "published", "endpoints", "summary", "icon", "image")) {
            assertFalse(person.containsKey(absent), absent);
        }
    }

    @Test
    void bytesAreCompactUtf8InBuildOrderAndTheSameEveryTime() {
        JsonObject page = Samples.page();
        byte[] bytes = JsonBytes.write(page);
        assertArrayEquals(bytes, JsonBytes.write(Samples.page()), "same input, same bytes (they are signed)");

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"@context\":[\"https://www.w3.org/ns/activitystreams\","), text);
        assertTrue(text.indexOf("\"id\":") < text.indexOf("\"type\":"), "id before type, as built");
        assertFalse(text.contains("\n"), "compact: line breaks only as \\n escapes");
        assertTrue(text.contains("💚"), "non-ASCII as UTF-8, not escaped");
        assertTrue(text.contains("href=\\\"https://kinship.example/c/storby\\\""), "quotes escaped");
        assertTrue(text.contains("C:\\\\sti\\\\til"), "backslashes escaped");

        JsonObject parsed = Fields.JSON.createReader(new ByteArrayInputStream(bytes)).readObject();
        assertEquals(page, parsed);
        assertEquals(Samples.HTML, parsed.getString("content"));
    }

    @Test
    void recipientsAreExactlyTheCallersChoice() {
        JsonObject follow = Samples.follow();
        assertEquals(List.of(Samples.GROUP.toString()), strings(follow.getJsonArray("to")));
        assertFalse(follow.containsKey("cc"));
        assertFalse(new String(JsonBytes.write(follow), StandardCharsets.UTF_8).contains("#Public"),
                "not public unless asked");

        JsonObject unaddressed = ObjectDocuments.page(bare(), "Tittel", null);
        assertFalse(unaddressed.containsKey("to"));
        assertFalse(unaddressed.containsKey("cc"));

        Addressing addressing = new Addressing(List.of(Samples.GROUP, Samples.GROUP),
                List.of(Samples.GROUP, Samples.GROUP_FOLLOWERS));
        assertEquals(List.of(Samples.GROUP), addressing.to(), "no duplicates");
        assertEquals(List.of(Samples.GROUP_FOLLOWERS), addressing.cc(), "not again in cc");
        assertTrue(Addressing.publicly().isPublic());
        assertFalse(Addressing.only(Samples.GROUP).isPublic());
    }

    @Test
    void ourContextIsNotRepeatedInsideButAForeignOneIsKept() {
        JsonObject create = Samples.create();
        assertFalse(create.getJsonObject("object").containsKey("@context"));

        JsonObject foreign = Fields.JSON.createObjectBuilder()
                .add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", "https://remote.example/notes/1").add("type", "Note").build();
        JsonObject update = ActivityDocuments.update(Samples.act("update/2", Samples.MEMBER, Addressing.NONE), foreign);
        assertEquals(foreign, update.getJsonObject("object"));

        JsonObject page = CollectionDocuments.pageOfDocuments(URI.create(Samples.GROUP + "/outbox?page=1"),
                URI.create(Samples.GROUP + "/outbox"), List.of(Samples.announce()), null, null);
        JsonObject item = page.getJsonArray("orderedItems").getJsonObject(0);
        assertFalse(item.containsKey("@context"));
        assertTrue(item.getJsonObject("object").containsKey("@context"),
                "inside the Announce, the activity stays exactly as it was sent");
    }

    @Test
    void eventTimesAreWrittenInTheMeetupsZone() {
        JsonObject event = Samples.event();
        assertEquals("2025-03-14T18:00:00+01:00", event.getString("startTime"));
        assertEquals("2025-03-14T20:30:00+01:00", event.getString("endTime"));
        assertEquals("Europe/Oslo", event.getString("timezone"));

        Meetup summer = new Meetup("Sommerkafé", Instant.parse("2025-06-14T16:00:00Z"),
                Instant.parse("2025-06-14T18:00:00Z"), ZoneId.of("Europe/Oslo"), null, true, null, 0, null, false);
        JsonObject online = ObjectDocuments.event(Samples.eventPosting(), summer, null);
        assertEquals("2025-06-14T18:00:00+02:00", online.getString("startTime"), "summer time");
        assertFalse(online.containsKey("location"));
        assertFalse(online.containsKey("maximumAttendeeCapacity"), "no limit is no number");
        assertTrue(online.getBoolean("isOnline"));
    }

    @Test
    void callerMistakesAreRefusedWithAReason() {
        Map<String, Runnable> mistakes = Map.of(
                "relative id", () -> new Posting(URI.create("/c/storby/t/1"), Samples.MEMBER, null, null,
                        Addressing.NONE, Instant.EPOCH, null, null),
                "non-http id", () -> ObjectDocuments.tombstone(URI.create("urn:uuid:1"), null, null),
                "blank title", () -> ObjectDocuments.page(bare(), " ", null),
                "end before start", () -> new Meetup("Kafé", Instant.parse("2025-03-14T19:00:00Z"),
                        Instant.parse("2025-03-14T18:00:00Z"), ZoneId.of("UTC"), null, false, null, 0, null, false),
                "unknown former type", () -> ObjectDocuments.tombstone(Samples.REPLY, ObjectType.UNKNOWN, null),
                "recipient without scheme", () -> Addressing.only(URI.create("kinship.example/c/storby")),
                "handle with @", () -> Discovery.webFinger("@storby", Samples.HOST, Samples.GROUP, null),
                "negative count", () -> CollectionDocuments.ordered(Samples.GROUP_FOLLOWERS, -1, null),
                "group without followers", () -> new ActorDocuments.Group(Samples.GROUP, "storby", "Storby", null,
                        null, null, new ActorDocuments.Mailboxes(Samples.uri("/i"), Samples.uri("/o"), null, null),
                        Samples.key(Samples.GROUP), Samples.GROUP_MODERATORS, false, false));
        mistakes.forEach((what, mistake) -> {
            RuntimeException e = assertThrows(RuntimeException.class, mistake::run, what);
            assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, what + ": " + e);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what + ": no reason given");
        });
    }

    @Test
    void announceIsPublicToTheGroupsFollowers() {
        JsonObject announce = Samples.announce();
        assertEquals(List.of(Addressing.PUBLIC.toString()), strings(announce.getJsonArray("to")));
        assertEquals(List.of(Samples.GROUP_FOLLOWERS.toString()), strings(announce.getJsonArray("cc")));
        assertEquals(Samples.GROUP.toString(), announce.getString("audience"));
        assertEquals(Samples.GROUP.toString(), announce.getString("actor"));
    }

    private static Posting bare() {
        return new Posting(Samples.THREAD, Samples.MEMBER, null, null, Addressing.NONE, Samples.PUBLISHED, null, null);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void findEmpties(JsonValue value, String where, List<String> problems) {
        switch (value.getValueType()) {
            case NULL -> problems.add(where + ": null");
            case STRING -> {
                if (((JsonString) value).getString().isEmpty()) {
                    problems.add(where + ": empty string");
                }
            }
            case ARRAY -> {
                if (value.asJsonArray().isEmpty()) {
                    problems.add(where + ": empty array");
                }
                value.asJsonArray().forEach(v -> findEmpties(v, where + "[]", problems));
            }
            case OBJECT -> {
                if (value.asJsonObject().isEmpty()) {
                    problems.add(where + ": empty object");
                }
                value.asJsonObject().forEach((k, v) -> findEmpties(v, where + "/" + k, problems));
            }
            default -> {
            }
        }
    }
}
