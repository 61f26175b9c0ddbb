package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hostile and sloppy input: each is read leniently or refused with a reason, never thrown, never fetched. */
class ActivityReaderHostileTest {

    private final List<URI> refusedLoads = new CopyOnWriteArrayList<>();
    private final ContextDocuments contexts = ContextDocuments.bundled(refusedLoads::add);
    private final ActivityReader reader = new ActivityReader(contexts);

    @Test
    void tenMegabytesAreRefusedBeforeParsing() {
        byte[] body = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        assertRefused(reader.read(body), RefusalReason.TOO_LARGE);
        assertRefused(reader.read(new ByteArrayInputStream(body)), RefusalReason.TOO_LARGE);
    }

    @Test
    void tenThousandLevelsAreRefusedWhileStreaming() {
        String deep = "{\"type\":\"Note\",\"content\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertRefused(reader.read(utf8(deep)), RefusalReason.TOO_DEEP);
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertRefused(reader.read(utf8(deepObjects)), RefusalReason.TOO_DEEP);
    }

    @Test
    void brokenJsonAndNonObjectsAreRefused() {
        assertRefused(reader.read(utf8("{\"type\": \"Note\", ")), RefusalReason.MALFORMED_JSON);
        assertRefused(reader.read(utf8("")), RefusalReason.MALFORMED_JSON);
        assertRefused(reader.read(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00}), RefusalReason.MALFORMED_JSON);
        assertRefused(reader.read(utf8("[{\"type\":\"Note\"}]")), RefusalReason.NOT_AN_OBJECT);
        assertRefused(reader.read(utf8("\"Note\"")), RefusalReason.NOT_AN_OBJECT);
    }

    @Test
    void unknownTopLevelContextIsIgnoredAndNeverFetched() {
        String doc = """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://evil.example/ctx.jsonld"],
                 "id": "https://a.example/notes/1", "type": "Note", "content": "hi"}""";
        IncomingObject note = assertInstanceOf(IncomingObject.class, read(doc));
        assertEquals(Optional.of("hi"), note.content());
        assertEquals(List.of(URI.create("https://evil.example/ctx.jsonld")), refusedLoads);
    }

    @Test
    void onlyUnknownContextsOrAnUnknownNestedContextAreRefusedAndNeverFetched() {
        assertRefused(reader.read(utf8("""
                {"@context": "https://evil.example/ctx", "id": "https://a.example/1", "type": "Note"}""")),
                RefusalReason.CONTEXT_UNAVAILABLE);
        assertRefused(reader.read(utf8("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/1", "type": "Create",
                 "actor": "https://a.example/u", "object": {"@context": "https://evil.example/nested",
                 "id": "https://a.example/n", "type": "Note"}}""")), RefusalReason.CONTEXT_UNAVAILABLE);
        assertTrue(refusedLoads.contains(URI.create("https://evil.example/ctx")), refusedLoads.toString());
        assertTrue(refusedLoads.contains(URI.create("https://evil.example/nested")), refusedLoads.toString());
        assertEquals(2, contexts.refusals());
    }

    /**
     * Fedify signs what it sends three ways: HTTP signature, a Linked Data Signature and an integrity proof, the
     * last two with nested contexts Kinship does not bundle. Kinship reads neither proof, so they cost nothing and
     * refuse nothing; an unknown nested context anywhere else is still refused (above).
     */
    @Test
    void signaturesAndProofsWithTheirOwnContextsAreSetAside() {
        String doc = """
                {"@context": ["https://w3id.org/identity/v1", "https://www.w3.org/ns/activitystreams",
                              "https://w3id.org/security/data-integrity/v1", "https://gotosocial.org/ns"],
                 "id": "https://f.example/activities/1", "type": "Follow",
                 "actor": "https://f.example/users/tester", "object": "https://k.example/ap/communities/walks",
                 "proof": {"@context": ["https://w3id.org/identity/v1", "https://gotosocial.org/ns"],
                           "type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "proofValue": "z3nAF1",
                           "verificationMethod": "https://f.example/users/tester#multikey-2"},
                 "signature": {"@context": "https://w3id.org/identity/v1", "type": "RsaSignature2017",
                               "creator": "https://f.example/users/tester#main-key", "signatureValue": "twek8O"}}""";
        Incoming follow = assertInstanceOf(Incoming.class, read(doc));
        assertEquals(ActivityType.FOLLOW, follow.type());
        assertEquals(Optional.of(URI.create("https://f.example/users/tester")), follow.actor());
        assertEquals(Optional.of(URI.create("https://k.example/ap/communities/walks")), follow.object().flatMap(Ref::id));
        assertEquals(List.of(URI.create("https://w3id.org/identity/v1"), URI.create("https://gotosocial.org/ns")), refusedLoads,
                "only the unknown top-level contexts were noted, and nothing was fetched");
    }

    @Test
    void contextSpellingsAreServed() {
        for (String url : List.of("http://www.w3.org/ns/activitystreams", "https://www.w3.org/ns/activitystreams/",
                "https://WWW.W3.ORG/ns/activitystreams", "https://www.w3.org/ns/activitystreams.jsonld",
                "http://w3id.org/security/v1", "https://join-lemmy.org/context.json")) {
            assertTrue(contexts.serves(url), url);
        }
        assertTrue(!contexts.serves("https://www.w3.org/ns/activitystreams/extra"));
    }

    @Test
    void aStringWhereAnObjectIsExpected() {
        // location, source and publicKey as bare strings: read as far as they make sense, never thrown.
        String doc = """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "https://a.example/e/1", "type": "Event", "location": "Town hall", "source": "**hi**",
                 "startTime": "not a date", "publicKey": "https://a.example/key", "content": {"nested": true}}""";
        IncomingObject event = assertInstanceOf(IncomingObject.class, read(doc));
        assertEquals(ObjectType.EVENT, event.type());
        assertTrue(event.event().orElseThrow().startTime().isEmpty());
        assertTrue(event.content().isEmpty());
        assertEquals("**hi**", event.source().orElseThrow().content());
    }

    @Test
    void arraysWhereSingleValuesAreExpected() {
        String doc = """
                {"@context": "https://www.w3.org/ns/activitystreams",
                 "id": ["https://a.example/c/1"], "type": "Create", "actor": ["https://a.example/u/1", "https://b.example/u/2"],
                 "object": [{"id": "https://a.example/n/1", "type": ["Note", "Article"], "name": ["one", "two"],
                             "published": ["2024-01-01T00:00:00Z"], "inReplyTo": ["https://a.example/n/0"]}]}""";
        // An array as the id is not an IRI: that is refused, not guessed.
        assertRefused(reader.read(utf8(doc)), RefusalReason.INVALID_JSONLD);

        Incoming create = assertInstanceOf(Incoming.class, read(doc.replace("[\"https://a.example/c/1\"]",
                "\"https://a.example/c/1\"")));
        assertTrue(create.actor().isPresent());
        IncomingObject note = create.embeddedObject().orElseThrow();
        assertTrue(List.of(ObjectType.NOTE, ObjectType.ARTICLE).contains(note.type()));
        assertEquals(2, note.typeIris().size());
        assertTrue(note.name().isPresent());
        assertEquals(Optional.of(URI.create("https://a.example/n/0")), note.inReplyTo());
    }

    @Test
    void unknownTypesAreCarriedForTheCallerToRefuse() {
        IncomingDocument doc = read("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/x/1",
                 "type": "EmojiReact", "actor": "https://a.example/u/1", "object": "https://a.example/n/1"}""");
        Incoming activity = assertInstanceOf(Incoming.class, doc);
        assertEquals(ActivityType.UNKNOWN, activity.type());
        assertTrue(activity.isUnknownType());
        assertEquals(List.of("urn:x-kinship:undefined:EmojiReact"), activity.typeIris());
    }

    @Test
    void idsThatAreNotHttpIrisAreRefused() {
        assertRefused(reader.read(utf8("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "SCRUBBED_ID", "type": "Note"}""")),
                RefusalReason.INVALID_ID);
        assertRefused(reader.read(utf8("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "javascript:alert(1)", "type": "Note"}""")),
                RefusalReason.INVALID_ID);
        assertRefused(reader.read(utf8("""
                {"@context": "https://www.w3.org/ns/activitystreams", "@graph": [{"id": "https://a.example/1"}]}""")),
                RefusalReason.UNSUPPORTED_SHAPE);
    }

    @Test
    void invalidJsonLdIsRefused() {
        assertRefused(reader.read(utf8("""
                {"@context": 42, "id": "https://a.example/1", "type": "Note"}""")), RefusalReason.INVALID_JSONLD);
        assertRefused(reader.read(utf8("""
                {"@context": ["https://www.w3.org/ns/activitystreams", {"@version": 2.0}],
                 "id": "https://a.example/1", "type": "Note"}""")), RefusalReason.INVALID_JSONLD);
    }

    @Test
    void manyNestedContextsAreRefused() {
        StringBuilder b = new StringBuilder("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
                + "\"id\":\"https://a.example/1\",\"type\":\"Note\",\"tag\":[");
        for (int i = 0; i < 50; i++) {
            b.append(i == 0 ? "" : ",").append("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Mention\"}");
        }
        assertRefused(reader.read(utf8(b.append("]}").toString())), RefusalReason.TOO_COMPLEX);
    }

    @Test
    void embeddedObjectsFromAnotherHostAreReported() {
        Incoming create = assertInstanceOf(Incoming.class, read("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/c/1", "type": "Create",
                 "actor": "https://a.example/u/1",
                 "object": {"id": "https://victim.example/notes/9", "type": "Note", "content": "forged"}}"""));
        assertEquals(List.of(URI.create("https://victim.example/notes/9")),
                SameOrigin.foreignIds(create, URI.create("https://a.example/u/1")));
        assertEquals(List.of(URI.create("https://a.example/c/1"), URI.create("https://victim.example/notes/9")),
                SameOrigin.foreignIds(create, URI.create("https://b.example/u/1")));
        assertTrue(SameOrigin.sameHost(URI.create("https://A.example:443/x"), URI.create("https://a.example/y")));
        assertTrue(!SameOrigin.sameHost(URI.create("https://a.example:8443/x"), URI.create("https://a.example/y")));
    }

    @Test
    void readActivityAndReadObjectRefuseTheOtherKind() {
        byte[] note = utf8("""
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/n/1", "type": "Note"}""");
        assertRefused(reader.readActivity(note), RefusalReason.WRONG_KIND);
        assertTrue(reader.readObject(note).isRead());
    }

    private IncomingDocument read(String json) {
        ReadResult<IncomingDocument> result = reader.read(utf8(json));
        if (result instanceof ReadResult.Read<IncomingDocument> read) {
            return read.value();
        }
        return fail("refused: " + result);
    }

    private static void assertRefused(ReadResult<?> result, RefusalReason reason) {
        ReadResult.Refused<?> refused = assertInstanceOf(ReadResult.Refused.class, result, () -> "read: " + result);
        assertEquals(reason, refused.reason(), refused.message());
        assertTrue(!refused.message().isBlank());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
