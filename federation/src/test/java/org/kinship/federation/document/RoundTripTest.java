package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.kinship.federation.document.Samples.EVENT;
import static org.kinship.federation.document.Samples.GROUP;
import static org.kinship.federation.document.Samples.GROUP_FOLLOWERS;
import static org.kinship.federation.document.Samples.GROUP_MODERATORS;
import static org.kinship.federation.document.Samples.HTML;
import static org.kinship.federation.document.Samples.MARKDOWN;
import static org.kinship.federation.document.Samples.MEMBER;
import static org.kinship.federation.document.Samples.MODERATOR;
import static org.kinship.federation.document.Samples.PEM;
import static org.kinship.federation.document.Samples.PUBLISHED;
import static org.kinship.federation.document.Samples.REPLY;
import static org.kinship.federation.document.Samples.SHARED_INBOX;
import static org.kinship.federation.document.Samples.THREAD;
import static org.kinship.federation.document.Samples.THREAD_CONTEXT;
import static org.kinship.federation.document.Samples.UPDATED;
import static org.kinship.federation.document.Samples.WARNING;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.jsonld.ActivityType;
import org.kinship.federation.jsonld.ContextDocuments;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.IncomingDocument;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ObjectType;
import org.kinship.federation.jsonld.ReadResult;

/**
 * What Kinship writes, read back by Kinship's own lenient JSON-LD reader (the same path a peer's document takes
 * into Kinship), from the very bytes that would be sent: every id, type, text, time, address and key must come
 * back as meant, and no context may need fetching.
 */
class RoundTripTest {

    private static final URI PUBLIC = Addressing.PUBLIC;

    private final List<URI> refusedContexts = new CopyOnWriteArrayList<>();
    private final ActivityReader reader = new ActivityReader(ContextDocuments.bundled(refusedContexts::add));

    @AfterEach
    void nothingHadToBeFetched() {
        assertEquals(List.of(), refusedContexts, "the reader wanted a context that is not bundled");
    }

    @Test
    void everyDocumentIsReadAsItsOwnTypeAndId() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonObject> sample : Samples.all().entrySet()) {
            IncomingDocument read = read(sample.getValue());
            String id = sample.getValue().getString("id");
            String type = sample.getValue().getString("type");
            if (read.isUnknownType()) {
                problems.add(sample.getKey() + ": type not recognised, read " + read.typeIris());
            }
            if (!read.id().map(URI::toString).equals(Optional.of(id))) {
                problems.add(sample.getKey() + ": id " + read.id() + " instead of " + id);
            }
            if (read.typeIris().stream().noneMatch(t -> t.endsWith("#" + type))) {
                problems.add(sample.getKey() + ": types " + read.typeIris() + " do not include " + type);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void group() {
        IncomingObject group = object(Samples.group());
        assertEquals(ObjectType.GROUP, group.type());
        assertEquals(Optional.of("Storby – likepersoner 💚"), group.name());
        assertEquals(Optional.of(HTML), group.summary());
        assertEquals(Optional.of(Samples.uri("/c/storby/page")), group.url());
        assertEquals(Optional.of(PUBLISHED), group.published());
        assertEquals(List.of(GROUP_MODERATORS), group.attributedTo(), "FEP-1b12 moderators");
        IncomingObject.ActorDetails actor = group.actor().orElseThrow();
        assertEquals(Optional.of("storby"), actor.preferredUsername());
        assertEquals(Optional.of(URI.create(GROUP + "/inbox")), actor.inbox());
        assertEquals(Optional.of(URI.create(GROUP + "/outbox")), actor.outbox());
        assertEquals(Optional.of(GROUP_FOLLOWERS), actor.followers());
        assertEquals(Optional.of(SHARED_INBOX), actor.sharedInbox());
        assertEquals(List.of(GROUP_MODERATORS), actor.moderators(), "Lemmy moderators");
        assertKey(actor, GROUP);
    }

    @Test
    void personCarriesThePseudonymAndNothingPersonal() {
        IncomingObject person = object(Samples.person());
        assertEquals(ObjectType.PERSON, person.type());
        assertEquals(Optional.of("Lys \"i mørket\" ☀"), person.name());
        assertEquals(Optional.empty(), person.summary());
        assertEquals(Optional.empty(), person.content());
        assertEquals(List.of(), person.attachments(), "no avatar, no banner");
        IncomingObject.ActorDetails actor = person.actor().orElseThrow();
        assertEquals(Optional.of("lys"), actor.preferredUsername());
        assertEquals(Optional.of(URI.create(MEMBER + "/followers")), actor.followers());
        assertEquals(Optional.of(SHARED_INBOX), actor.sharedInbox());
        assertKey(actor, MEMBER);
    }

    @Test
    void applicationIsTheInstanceActor() {
        IncomingObject application = object(Samples.application());
        assertEquals(ObjectType.APPLICATION, application.type());
        assertEquals(Optional.of(Samples.INSTANCE), application.id());
        IncomingObject.ActorDetails actor = application.actor().orElseThrow();
        assertEquals(Optional.of(Samples.HOST), actor.preferredUsername());
        assertEquals(Optional.empty(), actor.followers());
        assertKey(actor, Samples.INSTANCE);
    }

    @Test
    void pageIsAThreadWithTitleTextSourceContextAndWarning() {
        IncomingObject page = object(Samples.page());
        assertEquals(ObjectType.PAGE, page.type());
        assertEquals(Optional.of(THREAD), page.id());
        assertEquals(Optional.of("Hvordan har dere det i dag? «Ærlig» svar 💚"), page.name());
        assertEquals(Optional.of(HTML), page.content(), "HTML, quotes, backslashes and unicode survive");
        assertEquals(Optional.of("text/html"), page.mediaType());
        assertEquals(Optional.of(new IncomingObject.Source(MARKDOWN, Optional.of("text/markdown"))), page.source());
        assertEquals(List.of(MEMBER), page.attributedTo());
        assertEquals(List.of(GROUP), page.audience());
        assertEquals(List.of(PUBLIC), page.to());
        assertEquals(List.of(GROUP_FOLLOWERS, GROUP), page.cc());
        assertEquals(Optional.of(THREAD_CONTEXT), page.context());
        assertEquals(Optional.of(PUBLISHED), page.published(), "microseconds kept");
        assertEquals(Optional.of(UPDATED), page.updated());
        assertEquals(Optional.of(Samples.uri("/c/storby/t/42/page")), page.url());
        assertTrue(page.sensitive());
        assertEquals(Optional.of(WARNING), page.summary());
        assertEquals(Optional.empty(), page.inReplyTo());
    }

    @Test
    void noteIsAReplyInTheSameContext() {
        IncomingObject note = object(Samples.note());
        assertEquals(ObjectType.NOTE, note.type());
        assertEquals(Optional.of(THREAD), note.inReplyTo());
        assertEquals(Optional.of(THREAD_CONTEXT), note.context());
        assertEquals(Optional.of("<p>Takk, bedre nå</p>"), note.content());
        assertEquals(List.of(MODERATOR), note.attributedTo());
        assertEquals(List.of(GROUP), note.audience());
        assertFalse(note.sensitive());
        assertEquals(Optional.empty(), note.summary());
        assertEquals(Optional.empty(), note.updated());
        assertEquals(Optional.empty(), note.name());
    }

    @Test
    void eventHasTimesAndPlace() {
        IncomingObject event = object(Samples.event());
        assertEquals(ObjectType.EVENT, event.type());
        assertEquals(Optional.of(EVENT), event.id());
        assertEquals(Optional.of("Kafé \"Åpen dør\""), event.name());
        assertEquals(Optional.of("<p>Kaffe og prat</p>"), event.content());
        assertEquals(List.of(GROUP), event.attributedTo());
        assertEquals(List.of(GROUP), event.audience());
        IncomingObject.EventDetails details = event.event().orElseThrow();
        assertEquals(Optional.of(Instant.parse("2025-03-14T17:00:00Z")), details.startTime());
        assertEquals(Optional.of(Instant.parse("2025-03-14T19:30:00Z")), details.endTime());
        assertEquals(Optional.of(new IncomingObject.Place(Optional.of("Frivilligsentralen"),
                Optional.of("Storgata 1, 0155, Oslo, Norge"))), details.location());
    }

    @Test
    void tombstoneKeepsWhatItWas() {
        IncomingObject tombstone = object(Samples.tombstone());
        assertEquals(ObjectType.TOMBSTONE, tombstone.type());
        assertEquals(Optional.of(REPLY), tombstone.id());
        assertEquals(Optional.of("https://www.w3.org/ns/activitystreams#Note"), tombstone.formerType());
    }

    @Test
    void createCarriesThePageWithoutRepeatingTheContext() {
        JsonObject create = Samples.create();
        assertFalse(create.getJsonObject("object").containsKey("@context"));
        Incoming read = activity(create);
        assertEquals(ActivityType.CREATE, read.type());
        assertEquals(Optional.of(MEMBER), read.actor());
        assertEquals(List.of(GROUP), read.audience());
        assertEquals(Optional.of(PUBLISHED), read.published());
        assertTrue(read.isPublic());
        IncomingObject page = read.embeddedObject().orElseThrow();
        assertEquals(object(Samples.page()), page, "embedded, the page reads exactly as on its own");
    }

    @Test
    void announceEmbedsTheActivityUnchanged() {
        JsonObject announce = Samples.announce();
        assertEquals(Samples.create(), announce.getJsonObject("object"), "FEP-1b12: preserved exactly");
        Incoming read = activity(announce);
        assertEquals(ActivityType.ANNOUNCE, read.type());
        assertEquals(Optional.of(GROUP), read.actor());
        assertEquals(List.of(PUBLIC), read.to());
        assertEquals(List.of(GROUP_FOLLOWERS), read.cc());
        assertEquals(List.of(GROUP), read.audience());
        Incoming create = read.embeddedActivity().orElseThrow();
        assertEquals(activity(Samples.create()), create);
    }

    @Test
    void activitiesReadWithTheirActorObjectAndAddressing() {
        Map<String, JsonObject> all = Samples.all();
        record Expect(String name, ActivityType type, URI actor, URI object, List<URI> to, List<URI> cc) {
        }
        List<Expect> expectations = List.of(
                new Expect("Update", ActivityType.UPDATE, MEMBER, REPLY, List.of(PUBLIC), List.of(GROUP_FOLLOWERS)),
                new Expect("Delete", ActivityType.DELETE, MODERATOR, REPLY, List.of(PUBLIC), List.of(GROUP)),
                new Expect("Follow", ActivityType.FOLLOW, MEMBER, GROUP, List.of(GROUP), List.of()),
                new Expect("Accept", ActivityType.ACCEPT, GROUP, Samples.uri("/activities/follow/1"), List.of(MEMBER),
                        List.of()),
                new Expect("Reject", ActivityType.REJECT, GROUP, Samples.uri("/activities/follow/1"), List.of(MEMBER),
                        List.of()),
                new Expect("Undo", ActivityType.UNDO, MEMBER, Samples.uri("/activities/follow/1"), List.of(GROUP),
                        List.of()),
                new Expect("Like", ActivityType.LIKE, MEMBER, THREAD, List.of(PUBLIC), List.of(GROUP)),
                new Expect("Flag", ActivityType.FLAG, MEMBER, REPLY, List.of(GROUP), List.of()),
                new Expect("Block", ActivityType.BLOCK, MODERATOR, MEMBER, List.of(PUBLIC), List.of(GROUP)),
                new Expect("Lock", ActivityType.LOCK, MODERATOR, THREAD, List.of(PUBLIC), List.of(GROUP)),
                new Expect("Join", ActivityType.JOIN, MEMBER, EVENT, List.of(GROUP), List.of()),
                new Expect("Leave", ActivityType.LEAVE, MEMBER, EVENT, List.of(GROUP), List.of()));
        for (Expect e : expectations) {
            Incoming read = activity(all.get(e.name()));
            assertEquals(e.type(), read.type(), e.name());
            assertEquals(Optional.of(e.actor()), read.actor(), e.name());
            assertEquals(Optional.of(e.object()), read.object().flatMap(o -> o.id()), e.name());
            assertEquals(e.to(), read.to(), e.name());
            assertEquals(e.cc(), read.cc(), e.name());
        }
    }

    @Test
    void acceptAndUndoEmbedTheFollow() {
        Incoming accept = activity(Samples.all().get("Accept"));
        Incoming follow = accept.embeddedActivity().orElseThrow();
        assertEquals(ActivityType.FOLLOW, follow.type());
        assertEquals(Optional.of(MEMBER), follow.actor());
        assertEquals(Optional.of(GROUP), follow.object().orElseThrow().id());
        assertEquals(ActivityType.FOLLOW,
                activity(Samples.all().get("Undo")).embeddedActivity().orElseThrow().type());
    }

    @Test
    void moderationActivitiesCarryTheirReasons() {
        Map<String, JsonObject> all = Samples.all();
        assertEquals(Optional.of("Dette er \"trakassering\" <b>igjen</b>"), activity(all.get("Flag")).summary());
        Incoming block = activity(all.get("Block"));
        assertEquals(Optional.of("Gjentatt trakassering"), block.summary());
        assertEquals(Optional.of(Instant.parse("2025-04-01T00:00:00Z")), block.endTime());
        assertEquals(Optional.of(GROUP), block.target().orElseThrow().id());
        assertEquals(Optional.of("Tråden er ferdig"), activity(all.get("Lock")).summary());
    }

    @Test
    void collectionsAreReadAsCollections() {
        Map<String, JsonObject> all = Samples.all();
        assertEquals(ObjectType.ORDERED_COLLECTION, object(all.get("OrderedCollection")).type());
        assertEquals(ObjectType.ORDERED_COLLECTION, object(all.get("OrderedCollection of ids")).type());
        assertEquals(ObjectType.ORDERED_COLLECTION_PAGE, object(all.get("OrderedCollectionPage")).type());
        assertEquals(ObjectType.ORDERED_COLLECTION_PAGE, object(all.get("OrderedCollectionPage of documents")).type());
    }

    private void assertKey(IncomingObject.ActorDetails actor, URI owner) {
        IncomingObject.PublicKey key = actor.publicKey().orElseThrow();
        assertEquals(Optional.of(URI.create(owner + "#main-key")), key.id());
        assertEquals(Optional.of(owner), key.owner());
        assertEquals(PEM, key.publicKeyPem(), "the PEM's line breaks survive");
    }

    private IncomingDocument read(JsonObject document) {
        ReadResult<IncomingDocument> result = reader.read(JsonBytes.write(document));
        if (result instanceof ReadResult.Read<IncomingDocument> read) {
            return read.value();
        }
        return fail("refused: " + result + "\n" + document);
    }

    private IncomingObject object(JsonObject document) {
        return assertInstanceOf(IncomingObject.class, read(document));
    }

    private Incoming activity(JsonObject document) {
        return assertInstanceOf(Incoming.class, read(document));
    }
}
