package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A community's ban as its Group tells followers (FEP-1b12: a moderator's Block of a person, with the community as
 * target, announced by the Group): whom, where, and whether what they wrote goes too (Lemmy's {@code removeData}).
 */
class BlockReadingTest {
    private final List<URI> refused = new ArrayList<>();
    private final ActivityReader reader = new ActivityReader(ContextDocuments.bundled(refused::add));

    @Test
    void lemmysBanWithRemoveDataWithoutAContext() {
        Incoming block = activity(Interop.bytes("lemmy-assets/lemmy/activities/block/block_user.json"));
        assertEquals(ActivityType.BLOCK, block.type());
        assertEquals(Optional.of(URI.create("http://ds9.lemmy.ml/u/lemmy_alpha")), block.object().flatMap(Ref::id));
        assertEquals(Optional.of(URI.create("http://enterprise.lemmy.ml/c/main")), block.target().flatMap(Ref::id));
        assertTrue(block.removeData(), "Lemmy's removeData, read through its terms when no context is declared");
        assertTrue(block.endTime().isPresent(), "expires");
        assertTrue(refused.isEmpty(), refused::toString);
    }

    @Test
    void mbinsAnnouncedBanKeepsTheirContent() {
        // Mbin's snapshots scrub ids and dates; each scrubbed id becomes an id of its own, as Mbin would send.
        String snapshot = new String(Interop.bytes("mbin-snapshots/AnnounceTest__testAnnounceBlockUser__1.json"),
                StandardCharsets.UTF_8).replace("SCRUBBED_DATE", "2025-01-01T00:00:00+00:00");
        for (int i = 1; snapshot.contains("\"SCRUBBED_ID\""); i++) {
            snapshot = snapshot.replaceFirst("\"SCRUBBED_ID\"", "\"https://kbin.test/scrubbed/" + i + "\"");
        }
        Incoming announce = activity(snapshot.getBytes(StandardCharsets.UTF_8));
        assertEquals(ActivityType.ANNOUNCE, announce.type());
        Incoming block = announce.embeddedActivity().orElseThrow();
        assertEquals(ActivityType.BLOCK, block.type());
        assertEquals(Optional.of(URI.create("https://kbin.test/m/test")), block.target().flatMap(Ref::id));
        assertEquals(Optional.of(URI.create("https://kbin.test/scrubbed/3")), block.object().flatMap(Ref::id), "whom");
        assertFalse(block.removeData());
    }

    @Test
    void removeDataCountsOnlyWhenTrue() {
        assertFalse(activity(block("\"removeData\": false")).removeData());
        assertFalse(activity(block("\"removeData\": \"yes\"")).removeData());
        assertTrue(activity(block("\"removeData\": true")).removeData());
        assertFalse(activity(block("\"summary\": \"no flag at all\"")).removeData());
    }

    @Test
    void removeDataIsReadWhenTheSendersContextDoesNotDefineIt() {
        Incoming block = activity(("""
                {"@context": "https://www.w3.org/ns/activitystreams",
                 "id": "https://forum.example/activities/block/2", "type": "Block",
                 "actor": "https://forum.example/u/mod", "object": "https://elsewhere.example/u/troll",
                 "target": "https://forum.example/c/walks", "removeData": true}""").getBytes(StandardCharsets.UTF_8));
        assertTrue(block.removeData());
    }

    private static byte[] block(String extra) {
        return ("""
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://join-lemmy.org/context.json"],
                 "id": "https://lemmy.example/activities/block/1", "type": "Block",
                 "actor": "https://lemmy.example/u/mod", "object": "https://elsewhere.example/u/troll",
                 "target": "https://lemmy.example/c/walks", %s}""".formatted(extra)).getBytes(StandardCharsets.UTF_8);
    }

    private Incoming activity(byte[] json) {
        ReadResult<Incoming> result = reader.readActivity(json);
        if (result instanceof ReadResult.Read<Incoming> read) {
            return read.value();
        }
        return fail("refused: " + result);
    }
}
