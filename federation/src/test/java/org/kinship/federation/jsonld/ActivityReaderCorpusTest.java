package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document in the interop corpus is read or refused with a reason, and never throws; a sample of
 * them reads into exactly what Kinship needs.
 */
class ActivityReaderCorpusTest {

    /** Not documents a peer sends: the contexts, FEP texts, signature vectors and the corpus' own notes. */
    private static final Set<String> NOT_DOCUMENTS = Set.of("contexts", "fep", "http-signatures");

    private final ActivityReader reader = new ActivityReader(ContextDocuments.bundled());

    @Test
    void everyFileIsReadOrRefusedWithAReason() throws IOException {
        Path root = Interop.folder();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !NOT_DOCUMENTS.contains(root.relativize(p).getName(0).toString()))
                    .filter(p -> root.relativize(p).getNameCount() > 1 || p.toString().endsWith(".json")
                            && !p.getFileName().toString().equals("provenance.json"))
                    .sorted().toList();
        }
        assertTrue(files.size() > 400, "expected the whole corpus, found " + files.size());

        Map<String, Map<String, Integer>> tally = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            String folder = relative.getNameCount() > 2 ? relative.getName(0) + "/" + relative.getName(1)
                    : relative.getName(0).toString();
            String outcome;
            try {
                ReadResult<IncomingDocument> result = reader.read(Files.readAllBytes(file));
                if (result instanceof ReadResult.Read<IncomingDocument> read) {
                    outcome = read.value().isUnknownType() ? "read, unknown type" : "read";
                } else {
                    ReadResult.Refused<IncomingDocument> refused = (ReadResult.Refused<IncomingDocument>) result;
                    assertFalse(refused.message().isBlank(), relative + ": refusal without a message");
                    outcome = "refused " + refused.reason().code();
                }
            } catch (Throwable t) {
                failures.add(relative + ": " + t);
                outcome = "THREW";
            }
            tally.computeIfAbsent(folder, f -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        }
        Map<String, Integer> total = new TreeMap<>();
        System.out.println("Interop corpus, " + files.size() + " files:");
        tally.forEach((folder, outcomes) -> {
            System.out.println("  " + folder + " " + outcomes);
            outcomes.forEach((o, n) -> total.merge(o, n, Integer::sum));
        });
        System.out.println("  TOTAL " + total);
        if (!failures.isEmpty()) {
            fail("exceptions escaped:\n" + String.join("\n", failures));
        }
    }

    @Test
    void lemmyAnnounceOfCreatePageWithoutContext() {
        Incoming announce = activity("lemmy-assets/lemmy/activities/community/announce_create_page.json");
        assertEquals(ActivityType.ANNOUNCE, announce.type());
        assertEquals(Optional.of(URI.create("http://enterprise.lemmy.ml/c/main")), announce.actor());
        assertTrue(announce.isPublic());
        Incoming create = announce.embeddedActivity().orElseThrow();
        assertEquals(ActivityType.CREATE, create.type());
        IncomingObject page = create.embeddedObject().orElseThrow();
        assertEquals(ObjectType.PAGE, page.type());
        assertEquals(Optional.of("post 4"), page.name());
        assertEquals(Optional.of(Instant.parse("2021-11-01T12:11:22.871846Z")), page.published());
        assertEquals(List.of(URI.create("http://enterprise.lemmy.ml/u/main")), page.audience());

        IncomingObject withBody = activity("lemmy-assets/lemmy/activities/create_or_update/create_page.json")
                .embeddedObject().orElseThrow();
        assertEquals(Optional.of("test post"), withBody.name());
        assertEquals("<p>test body</p>", withBody.content().orElseThrow().strip());
    }

    @Test
    void mobilizonEventHasTimesAndPlace() {
        Incoming create = activity("mobilizon-fixtures/mobilizon-post-activity.json");
        IncomingObject event = create.embeddedObject().orElseThrow();
        assertEquals(ObjectType.EVENT, event.type());
        IncomingObject.EventDetails details = event.event().orElseThrow();
        assertEquals(Optional.of(Instant.parse("2018-02-12T14:08:20Z")), details.startTime());
        IncomingObject.Place place = details.location().orElseThrow();
        assertEquals(Optional.of("Locaux de Framasoft"), place.name());
        assertTrue(place.address().orElseThrow().contains("10 Rue Jangot"), place.toString());
        assertTrue(place.address().orElseThrow().contains("Lyon"), place.toString());
        assertEquals(2, event.attachments().size(), event.attachments().toString());
    }

    @Test
    void nodebbAnnouncedNoteCarriesItsContext() {
        Incoming announce = activity("discourse-activity-pub-fixtures/integration/case_1/received_1.json");
        assertEquals(ActivityType.ANNOUNCE, announce.type());
        IncomingObject note = announce.embeddedObject().orElseThrow();
        assertEquals(ObjectType.NOTE, note.type());
        assertEquals(Optional.of(URI.create("https://community.nodebb.org/topic/18563")), note.context());
        assertEquals(Optional.of("Is ActivityPub too complicated?"), note.name());
        assertEquals(Optional.of("text/markdown"), note.source().orElseThrow().mediaType());
        assertTrue(note.inReplyTo().isEmpty());
        assertEquals(List.of(URI.create("https://community.nodebb.org/category/30")), note.audience());
    }

    @Test
    void mastodonActorHasKeyAndSharedInbox() {
        IncomingObject actor = object("mastodon-fixtures/activitypub-actor.json");
        assertEquals(ObjectType.PERSON, actor.type());
        IncomingObject.ActorDetails details = actor.actor().orElseThrow();
        IncomingObject.PublicKey key = details.publicKey().orElseThrow();
        assertEquals(Optional.of(URI.create("https://ap.example.com/users/foo")), key.owner());
        assertTrue(key.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"), key.publicKeyPem());
        assertTrue(details.sharedInbox().isPresent(), details.toString());
        assertEquals(Optional.of(URI.create("https://ap.example.com/users/foo/inbox")), details.inbox());
    }

    @Test
    void kroegSingleValuesAndInlineActor() {
        Incoming create = activity("pleroma-fixtures/kroeg-post-activity.json");
        assertEquals(ActivityType.CREATE, create.type());
        assertEquals(Optional.of(URI.create("https://puckipedia.com/")), create.actor());
        IncomingObject note = create.embeddedObject().orElseThrow();
        assertEquals(List.of(URI.create("https://puckipedia.com/followers")), note.cc());
        assertTrue(note.content().orElseThrow().contains("Psion netBook"));

        Incoming announce = activity("pleroma-fixtures/kroeg-announce-with-inline-actor.json");
        assertEquals(ActivityType.ANNOUNCE, announce.type());
        assertEquals(Optional.of(URI.create("https://puckipedia.com/")), announce.actor());
    }

    @Test
    void mastodonDeleteOfTombstone() {
        Incoming delete = activity("lemmy-assets/mastodon/activities/delete.json");
        assertEquals(ActivityType.DELETE, delete.type());
        IncomingObject tombstone = delete.embeddedObject().orElseThrow();
        assertEquals(ObjectType.TOMBSTONE, tombstone.type());
        assertEquals(Optional.of(URI.create("https://mastodon.madrid/users/felix/statuses/107773559874184870")),
                tombstone.id());
        assertEquals(List.of(), SameOrigin.foreignIds(delete, URI.create("https://mastodon.madrid/users/felix")));
    }

    @Test
    void lemmyLockIsReadAlthoughNoContextDefinesIt() {
        Incoming lock = activity("lemmy-assets/lemmy/activities/community/lock_page.json");
        assertEquals(ActivityType.LOCK, lock.type());
        assertEquals(Optional.of("A reason for the lock"), lock.summary());
        assertEquals(Optional.of(URI.create("http://lemmy-alpha:8541/post/2")), lock.object().orElseThrow().id());
    }

    @Test
    void mastodonContentMapKeepsLanguages() {
        IncomingObject note = activity("pleroma-fixtures/mastodon-post-activity-contentmap.json").embeddedObject()
                .orElseThrow();
        assertFalse(note.contentMap().isEmpty(), note.toString());
        assertTrue(note.content().isPresent());
    }

    private Incoming activity(String relative) {
        ReadResult<Incoming> result = reader.readActivity(Interop.bytes(relative));
        if (result instanceof ReadResult.Read<Incoming> read) {
            return read.value();
        }
        return fail(relative + " was refused: " + result);
    }

    private IncomingObject object(String relative) {
        ReadResult<IncomingObject> result = reader.readObject(Interop.bytes(relative));
        if (result instanceof ReadResult.Read<IncomingObject> read) {
            return read.value();
        }
        return fail(relative + " was refused: " + result);
    }
}
