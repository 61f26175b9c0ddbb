package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kinship.federation.jsonld.Interop;
import org.junit.jupiter.api.Test;
import org.kinship.federation.document.Discovery.NodeInfoVersion;
import org.kinship.federation.document.Discovery.Usage;

/**
 * Peers that do not process JSON-LD look for keys by name. For each kind of document, the keys that Lemmy,
 * Mbin, Mastodon or Mobilizon put on the same kind, and that matter for interoperability, must be on ours
 * too. Each key listed is first checked on the peer's real document (read from the corpus at test time), so
 * the lists cannot drift into wishful thinking; optional keys the peers write only sometimes are left out.
 */
class PeerShapeTest {

    /** One comparison: our node and the peer's node of the same kind, and the keys both must have. */
    private record Case(String what, Supplier<JsonObject> ours, String ourPointer, String peerFile,
            String peerPointer, boolean sameType, List<String> keys) {
        static Case of(String what, Supplier<JsonObject> ours, String peerFile, String... keys) {
            return new Case(what, ours, "", peerFile, "", true, List.of(keys));
        }

        Case at(String ourPointer, String peerPointer) {
            return new Case(what, ours, ourPointer, peerFile, peerPointer, sameType, keys);
        }

        Case anyType() {
            return new Case(what, ours, ourPointer, peerFile, peerPointer, false, keys);
        }
    }

    private static final Map<String, JsonObject> ALL = Samples.all();

    private static final List<Case> CASES = List.of(
            Case.of("Lemmy Page", Samples::page, "lemmy-assets/lemmy/objects/page.json",
                    "id", "type", "attributedTo", "to", "audience", "name", "content", "mediaType", "source",
                    "sensitive", "context", "published"),
            Case.of("Lemmy Page source", Samples::page, "lemmy-assets/lemmy/objects/page.json",
                    "content", "mediaType").at("/source", "/source").anyType(),
            Case.of("Lemmy Note", Samples::note, "lemmy-assets/lemmy/objects/comment.json",
                    "id", "type", "attributedTo", "to", "cc", "audience", "inReplyTo", "content", "mediaType",
                    "source", "published", "context"),
            Case.of("Lemmy Group", Samples::group, "lemmy-assets/lemmy/objects/group.json",
                    "id", "type", "preferredUsername", "name", "summary", "inbox", "outbox", "followers",
                    "attributedTo", "postingRestrictedToMods", "endpoints", "publicKey", "published"),
            Case.of("Lemmy Group key", Samples::group, "lemmy-assets/lemmy/objects/group.json",
                    "id", "owner", "publicKeyPem").at("/publicKey", "/publicKey").anyType(),
            Case.of("Mbin magazine", Samples::group, "mbin-snapshots/UpdateTest__testUpdateMagazine__1.json",
                    "type", "name", "preferredUsername", "inbox", "outbox", "followers", "url", "attributedTo",
                    "postingRestrictedToMods", "endpoints", "published")
                    .at("", "/object").anyType(),
            Case.of("Lemmy Person", Samples::person, "lemmy-assets/lemmy/objects/person.json",
                    "id", "type", "preferredUsername", "name", "inbox", "outbox", "endpoints", "published",
                    "publicKey"),
            Case.of("Mastodon Person", Samples::person, "mastodon-fixtures/activitypub-actor.json",
                    "@context", "id", "type", "following", "followers", "inbox", "outbox", "preferredUsername",
                    "name", "url", "publicKey", "endpoints"),
            Case.of("Lemmy instance Application", Samples::application, "lemmy-assets/lemmy/objects/instance.json",
                    "type", "id", "name", "preferredUsername", "inbox", "outbox", "publicKey", "published"),
            Case.of("Mobilizon Event", Samples::event, "lemmy-assets/mobilizon/objects/event.json",
                    "@context", "id", "type", "name", "content", "mediaType", "startTime", "endTime", "timezone",
                    "location", "joinMode", "isOnline", "participantCount", "maximumAttendeeCapacity",
                    "anonymousParticipationEnabled", "category", "attributedTo", "to", "cc", "url", "published",
                    "updated"),
            Case.of("Mobilizon Event place", Samples::event, "lemmy-assets/mobilizon/objects/event.json",
                    "type", "name", "address").at("/location", "/location"),
            Case.of("Mobilizon Event address", Samples::event, "lemmy-assets/mobilizon/objects/event.json",
                    "type", "streetAddress", "postalCode", "addressLocality", "addressCountry")
                    .at("/location/address", "/location/address"),
            Case.of("Lemmy Tombstone", Samples::tombstone, "lemmy-assets/lemmy/objects/tombstone.json",
                    "id", "type"),
            Case.of("Lemmy Create", Samples::create, "lemmy-assets/lemmy/activities/create_or_update/create_page.json",
                    "id", "type", "actor", "to", "cc", "object", "audience"),
            Case.of("Lemmy Update", () -> ALL.get("Update"),
                    "lemmy-assets/lemmy/activities/create_or_update/update_page.json",
                    "id", "type", "actor", "to", "cc", "object", "audience"),
            Case.of("Lemmy Announce", Samples::announce,
                    "lemmy-assets/lemmy/activities/community/announce_create_page.json",
                    "id", "type", "actor", "to", "cc", "object"),
            Case.of("Mbin Announce", Samples::announce, "mbin-snapshots/AnnounceTest__testAnnounceCreateEntry__1.json",
                    "id", "type", "actor", "object", "to", "cc", "published", "audience"),
            Case.of("Lemmy Delete", () -> ALL.get("Delete"), "lemmy-assets/lemmy/activities/deletion/delete_page.json",
                    "id", "type", "actor", "to", "cc", "object", "audience"),
            Case.of("Lemmy Follow", Samples::follow, "lemmy-assets/lemmy/activities/following/follow.json",
                    "id", "type", "actor", "to", "object"),
            Case.of("Lemmy Accept", () -> ALL.get("Accept"), "lemmy-assets/lemmy/activities/following/accept.json",
                    "id", "type", "actor", "to", "object"),
            Case.of("Lemmy Accept's Follow", () -> ALL.get("Accept"),
                    "lemmy-assets/lemmy/activities/following/accept.json",
                    "id", "type", "actor", "to", "object").at("/object", "/object"),
            Case.of("Mbin Reject", () -> ALL.get("Reject"), "mbin-snapshots/FollowTest__testRejectFollowMagazine__1.json",
                    "id", "type", "actor", "object", "to"),
            Case.of("Lemmy Undo", () -> ALL.get("Undo"), "lemmy-assets/lemmy/activities/following/undo_follow.json",
                    "id", "type", "actor", "to", "object"),
            Case.of("Lemmy Like", () -> ALL.get("Like"), "lemmy-assets/lemmy/activities/voting/like_note.json",
                    "id", "type", "actor", "object", "audience"),
            Case.of("Lemmy Flag", () -> ALL.get("Flag"), "lemmy-assets/lemmy/activities/community/report_page.json",
                    "id", "type", "actor", "to", "object", "summary", "audience"),
            Case.of("Mbin Flag", () -> ALL.get("Flag"), "mbin-snapshots/FlagTest__testFlagEntry__1.json",
                    "type", "actor", "object", "audience", "summary", "content", "to"),
            Case.of("Lemmy Block", () -> ALL.get("Block"), "lemmy-assets/lemmy/activities/block/block_user.json",
                    "id", "type", "actor", "to", "cc", "object", "target", "audience", "summary", "endTime"),
            Case.of("Lemmy Lock", () -> ALL.get("Lock"), "lemmy-assets/lemmy/activities/community/lock_page.json",
                    "id", "type", "actor", "to", "cc", "object", "summary", "audience"),
            Case.of("Mobilizon Join", () -> ALL.get("Join"), "mobilizon-fixtures/mobilizon-join-activity.json",
                    "@context", "id", "type", "actor", "object"),
            Case.of("Mobilizon Leave", () -> ALL.get("Leave"), "mobilizon-fixtures/mobilizon-leave-activity.json",
                    "@context", "id", "type", "actor", "object"),
            Case.of("Lemmy moderators", () -> ALL.get("OrderedCollection of ids"),
                    "lemmy-assets/lemmy/collections/group_moderators.json", "type", "id", "orderedItems"),
            Case.of("Lemmy outbox", () -> ALL.get("OrderedCollection"), "lemmy-assets/lemmy/collections/group_outbox.json",
                    "type", "id", "totalItems"),
            Case.of("WebFinger", PeerShapeTest::webFinger, "mobilizon-fixtures/webfinger/mastodon-webfinger.json",
                    "subject", "aliases", "links").anyType(),
            Case.of("WebFinger self link", PeerShapeTest::webFinger,
                    "mobilizon-fixtures/webfinger/mastodon-webfinger.json", "rel", "type", "href")
                    .at("/links/0", "/links/1").anyType(),
            Case.of("NodeInfo links", PeerShapeTest::nodeInfoLinks, "mobilizon-fixtures/nodeinfo/both_versions.json",
                    "links").anyType(),
            Case.of("NodeInfo link", PeerShapeTest::nodeInfoLinks, "mobilizon-fixtures/nodeinfo/both_versions.json",
                    "rel", "href").at("/links/0", "/links/1").anyType(),
            Case.of("NodeInfo 2.1", PeerShapeTest::nodeInfo, "mobilizon-fixtures/nodeinfo/data.json",
                    "version", "software", "protocols", "services", "usage", "openRegistrations", "metadata")
                    .anyType(),
            Case.of("NodeInfo software", PeerShapeTest::nodeInfo, "mobilizon-fixtures/nodeinfo/data.json",
                    "name", "version").at("/software", "/software").anyType(),
            Case.of("NodeInfo usage", PeerShapeTest::nodeInfo, "mobilizon-fixtures/nodeinfo/data.json",
                    "users", "localPosts").at("/usage", "/usage").anyType());

    @Test
    void oursHaveTheKeysPeersWriteOnTheSameKind() {
        var folder = Interop.folder();
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Case c : CASES) {
            if (!Files.isRegularFile(folder.resolve(c.peerFile()))) {
                skipped.add(c.what() + " (" + c.peerFile() + ")");
                continue;
            }
            JsonObject peer = at(interopJson(c.peerFile()), c.peerPointer());
            JsonObject ours = at(c.ours().get(), c.ourPointer());
            for (String key : c.keys()) {
                if (!peer.containsKey(key)) {
                    problems.add(c.what() + ": the peer's document has no '" + key + "' (the list is wrong)");
                } else if (!ours.containsKey(key)) {
                    problems.add(c.what() + ": ours has no '" + key + "'");
                }
            }
            if (c.sameType() && peer.containsKey("type") && !peer.get("type").equals(ours.get("type"))) {
                problems.add(c.what() + ": type " + ours.get("type") + " where the peer writes " + peer.get("type"));
            }
        }
        if (!skipped.isEmpty()) {
            System.err.println("SKIPPED peer shape cases, corpus files missing: " + skipped);
        }
        assumeTrue(skipped.size() < CASES.size(), "no corpus file found");
        assertEquals(List.of(), problems);
    }

    @Test
    void mobilizonMeetupsJoinFreelyLikeOurs() {
        JsonObject peer = interopJson("lemmy-assets/mobilizon/objects/event.json");
        assertEquals(peer.getString("joinMode"), Samples.event().getString("joinMode"));
        assertEquals(peer.getJsonObject("location").getJsonObject("address").getString("type"),
                Samples.event().getJsonObject("location").getJsonObject("address").getString("type"));
        assertTrue(Samples.event().getString("startTime").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
                "written with an offset, as Mobilizon writes it: " + Samples.event().getString("startTime"));
    }

    private static JsonObject at(JsonObject document, String pointer) {
        if (pointer.isEmpty()) {
            return document;
        }
        JsonValue value = Fields.JSON.createPointer(pointer).getValue(document);
        return value.asJsonObject();
    }

    private static JsonObject webFinger() {
        return Discovery.webFinger("storby", Samples.HOST, Samples.GROUP, Samples.uri("/c/storby/page"));
    }

    private static JsonObject nodeInfoLinks() {
        return Discovery.nodeInfoLinks(Samples.uri("/nodeinfo/2.1"), Samples.uri("/nodeinfo/2.0"), Samples.INSTANCE);
    }

    private static JsonObject nodeInfo() {
        return Discovery.nodeInfo(NodeInfoVersion.V2_1, "0.1.0", new Usage(120L, 30L, 80L, 4000L), true);
    }

    /** A document of ../shared/interop, read where it lies. */
    private static JsonObject interopJson(String relative) {
        try (jakarta.json.JsonReader reader = Fields.JSON.createReader(new java.io.ByteArrayInputStream(Interop.bytes(relative)))) {
            return reader.readObject();
        }
    }
}
