package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.CommunityId;

class FederatedOriginsTest {
    private static RemoteActor actor(String iri, String preferredUsername, String name) {
        RemoteActor a = new RemoteActor(URI.create(iri), Instant.EPOCH);
        a.refresh("Group", preferredUsername, name, URI.create(iri + "/inbox"), null, null, null, null, Instant.EPOCH);
        return a;
    }

    @Test
    void theOriginIsTheActorsHandleAndTheObjectsAddress() {
        FederatedOrigins.Origin o = FederatedOrigins.origin("https://lemmy.example/post/42",
                actor("https://lemmy.example/c/walks", "walks", "Walks"));
        assertEquals("walks@lemmy.example", o.handle());
        assertEquals(URI.create("https://lemmy.example/post/42"), o.url());
    }

    @Test
    void withoutAKnownActorTheObjectsHostStandsForIt() {
        FederatedOrigins.Origin o = FederatedOrigins.origin("http://127.0.0.1:8123/notes/1", null);
        assertEquals("127.0.0.1", o.handle());
        assertEquals(URI.create("http://127.0.0.1:8123/notes/1"), o.url());
    }

    @Test
    void onlyAWebAddressBecomesALink() {
        for (String iri : List.of("javascript:alert(1)", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "ftp://files.example/x",
                "not a uri at all")) {
            FederatedOrigins.Origin o = FederatedOrigins.origin(iri, actor("https://mbin.example/m/walks", "walks", null));
            assertNull(o.url(), iri);
            assertEquals("walks@mbin.example", o.handle(), iri);
        }
        assertEquals("another server", FederatedOrigins.origin("javascript:alert(1)", null).handle());
    }

    @Test
    void noIdsAskNothing() {
        // em is null here: an empty question must not reach the database.
        assertTrue(new FederatedOrigins().of(new CommunityId(java.util.UUID.randomUUID()), List.of()).isEmpty());
        assertThrows(NullPointerException.class, () -> new FederatedOrigins().of(null, List.of()));
    }
}
