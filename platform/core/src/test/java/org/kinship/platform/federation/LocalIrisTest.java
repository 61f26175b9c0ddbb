package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.community.MemberId;

class LocalIrisTest {
    @Test
    void handlesCarryAPortOnlyWhenThePublicUrlHasAnUnusualOne() {
        assertEquals("kinship.example", new LocalIris("https://kinship.example").handleDomain());
        assertEquals("kinship.example", new LocalIris("https://kinship.example:443/").handleDomain());
        assertEquals("localhost:8280", new LocalIris("http://localhost:8280").handleDomain());
    }

    @Test
    void everyIdIsUnderThePublicUrlAndParsesBack() {
        LocalIris iris = new LocalIris("https://kinship.example/");
        UUID id = UUID.randomUUID();
        assertEquals(URI.create("https://kinship.example/ap/communities/oslo"), iris.group("oslo"));
        assertEquals(URI.create("https://kinship.example/ap/threads/" + id + "/context"), iris.threadContext(id));
        LocalIris.Named named = iris.parse(iris.memberPart(new MemberId(id), "inbox")).orElseThrow();
        assertEquals("members", named.kind());
        assertEquals(Optional.of(id), named.uuid());
        assertEquals(Optional.of("inbox"), named.part());
        assertTrue(iris.parse(URI.create("https://elsewhere.example/ap/communities/oslo")).isEmpty());
        assertTrue(iris.parse(URI.create("https://kinship.example/ap/communities/../../etc")).isEmpty());
        assertFalse(iris.isLocal(URI.create("https://kinship.example.evil/ap/actor")));
    }

    @Test
    void memberUsernamesAreOpaqueAndReversible() {
        MemberId member = new MemberId(UUID.randomUUID());
        String username = LocalIris.memberUsername(member);
        assertTrue(username.matches("m_[0-9a-f]{32}"));
        assertEquals(Optional.of(member), LocalIris.memberFromUsername(username));
        assertTrue(LocalIris.memberFromUsername("oslo").isEmpty());
        assertTrue(LocalIris.memberFromUsername("m_XYZ").isEmpty());
    }
}
