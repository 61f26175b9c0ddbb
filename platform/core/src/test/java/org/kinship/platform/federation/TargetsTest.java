package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

class TargetsTest {
    @Test
    void hostsActorsAndHandlesInTheirUsualSpellings() {
        assertEquals(new Targets.Host("example.org"), Targets.parse("Example.ORG"));
        assertEquals(new Targets.Host("localhost"), Targets.parse("localhost"));
        assertEquals(new Targets.Host("127.0.0.1"), Targets.parse("127.0.0.1:8080"));
        assertEquals(new Targets.Actor(URI.create("https://lemmy.example/c/walks")), Targets.parse(" https://lemmy.example/c/walks "));
        Targets.Handle walks = new Targets.Handle("walks", "lemmy.example");
        assertEquals(walks, Targets.parse("walks@lemmy.example"));
        assertEquals(walks, Targets.parse("@walks@lemmy.example"));
        assertEquals(walks, Targets.parse("!walks@Lemmy.Example"));
        assertEquals(walks, Targets.parse("acct:walks@lemmy.example"));
        assertEquals("acct:walks@lemmy.example", walks.acct());
        assertEquals(new Targets.Handle("oslo", "localhost:8280"), Targets.parse("oslo@localhost:8280"));
    }

    @Test
    void anythingElseIsRefusedWithOneCode() {
        for (String bad : new String[] {null, "", "   ", "not a host!", "https://", "https://user@host.example/x",
                "https://host.example/x#frag", "a@b@", "walks@", "ftp://example.org/x", "x".repeat(3000),
                "walks@exa mple.org", "-bad.example"}) {
            KinshipException e = assertThrows(KinshipException.class, () -> Targets.parse(bad), String.valueOf(bad));
            assertEquals(ErrorCode.FEDERATION_TARGET_INVALID, e.code());
        }
    }
}
