package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FederationGatePolicyTest {
    private static final URI WALKER = URI.create("https://lemmy.example/u/walker");
    private static final URI OTHER = URI.create("https://Lemmy.Example/u/other");

    @Test
    void offAdmitsNobody() {
        assertFalse(new FederationGate.Policy(FederationMode.OFF, Set.of("lemmy.example"), Set.of(), 0).admits(WALKER));
    }

    @Test
    void anAllowListAdmitsItsHostsAndActorsOnly() {
        FederationGate.Policy byHost = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of("lemmy.example"), Set.of(), 0);
        assertTrue(byHost.admits(WALKER));
        assertTrue(byHost.admits(OTHER), "hosts compare without case");
        assertFalse(byHost.admits(URI.create("https://mbin.example/u/walker")));
        FederationGate.Policy byActor = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of(WALKER.toString()), Set.of(), 0);
        assertTrue(byActor.admits(WALKER));
        assertFalse(byActor.admits(OTHER));
    }

    @Test
    void aBlockWinsOverAnAllowedHost() {
        FederationGate.Policy policy = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of("lemmy.example"),
                Set.of(WALKER.toString()), 0);
        assertFalse(policy.admits(WALKER), "a banned author stays out");
        assertTrue(policy.admits(OTHER));
    }

    @Test
    void openAdmitsAllButTheBlocked() {
        FederationGate.Policy open = new FederationGate.Policy(FederationMode.OPEN, Set.of(), Set.of("lemmy.example"), 0);
        assertFalse(open.admits(WALKER));
        assertTrue(open.admits(URI.create("https://mbin.example/u/walker")));
        FederationGate.Policy oneBlocked = new FederationGate.Policy(FederationMode.OPEN, Set.of(), Set.of(WALKER.toString()), 0);
        assertFalse(oneBlocked.admits(WALKER));
        assertTrue(oneBlocked.admits(OTHER));
    }

    @Test
    void aFetchInAServersNameIsAdmittedWhenAnyoneOnThatServerIs() {
        URI instance = URI.create("https://lemmy.example/");
        URI group = URI.create("https://lemmy.example/c/walkers");
        FederationGate.Policy byGroup = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of(group.toString()), Set.of(), 0);
        assertFalse(byGroup.admits(instance), "the instance actor is not the allowed group");
        assertTrue(byGroup.admitsServerOf(instance), "but it speaks for the server the group is on");
        assertFalse(byGroup.admitsServerOf(URI.create("https://elsewhere.example/actor")));
        FederationGate.Policy blockedHost = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of(group.toString()),
                Set.of("lemmy.example"), 0);
        assertFalse(blockedHost.admitsServerOf(instance), "a blocked server stays out");
        FederationGate.Policy blockedSigner = new FederationGate.Policy(FederationMode.ALLOW_LIST, Set.of(group.toString()),
                Set.of(WALKER.toString()), 0);
        assertFalse(blockedSigner.admitsServerOf(WALKER), "a blocked actor does not sign its way in");
        assertFalse(new FederationGate.Policy(FederationMode.OFF, Set.of("lemmy.example"), Set.of(), 0).admitsServerOf(instance));
    }
}
