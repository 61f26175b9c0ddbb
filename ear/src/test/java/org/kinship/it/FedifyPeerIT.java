package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.FedifyPeer;
import org.kinship.it.support.FederatedCommunity;
import org.kinship.it.support.ItEnvironment;
import org.kinship.it.support.SecondServer;
import org.kinship.it.support.Tokens;

/**
 * Kinship against software it did not write: the {@link FedifyPeer}, whose WebFinger client, actor lookup, HTTP
 * signatures and inbox verification are the Fedify library's. It finds a community of the {@link SecondServer}
 * (on https, with the ITs' certificate, the only one the peer trusts) by its handle, follows it and is accepted;
 * a thread shared there reaches it as an Announce that Fedify verified itself; its reply is accepted by Kinship
 * and shown in the thread. No Arquillian deployment is needed: the second server is the one under test.
 */
class FedifyPeerIT {
    @RegisterExtension
    static final SecondServer B = SecondServer.shared();

    private static FedifyPeer peer;

    @BeforeAll
    static void peer() {
        assertTrue(B.servesHttps(), "Fediverse software looks handles up on https only, and the second server has no "
                + "https public URL (its server needs an https listener and KINSHIP_TLS_KEYSTORE, the ITs' key store)");
        FedifyPeer.install();
        peer = FedifyPeer.start(ItEnvironment.tlsDir().resolve("kinship.pem"), Path.of("target/fedify-peer.log").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void fedifyFindsFollowsReadsAndAnswersACommunity() {
        FederatedCommunity b = FederatedCommunity.create(B.apiUrl(), "fedify");
        String group = B.publicUrl() + "/ap/communities/" + b.slug;

        // WebFinger on https://localhost:<port>, then the Group, then a signed Follow: all Fedify's doing.
        FedifyPeer.Reply followed = peer.post("/control/follow",
                Json.createObjectBuilder().add("handle", "acct:" + b.slug + "@" + B.handleDomain()).build());
        assertEquals(200, followed.status(), () -> followed + "\n" + peer.logTail());
        assertEquals(group, followed.json().getString("actor"));
        assertEquals("Group", followed.json().getString("actorType"));
        assertEquals(group, followed.json().getJsonObject("webfinger").getJsonArray("links").stream()
                .map(JsonValue::asJsonObject).filter(l -> "self".equals(l.getString("rel", ""))).findFirst().orElseThrow()
                .getString("href"));

        // Kinship accepts; Fedify verified the Accept's signature with the key it fetched from Kinship.
        JsonObject accept = FederatedCommunity.await("the verified Accept at the peer", FederatedCommunity.DELIVERY,
                () -> peer.receivedOne(r -> "Accept".equals(r.getString("type")) && group.equals(r.getString("actor", ""))),
                this::peerState);
        assertTrue(accept.getBoolean("verified"), accept::toString);
        assertEquals(followed.json().getString("followId"), accept.getString("objectId"));
        JsonObject follower = b.settings().getJsonArray("followers").getJsonObject(0);
        assertEquals(peer.actor(), follower.getString("actor"));
        assertEquals("accepted", follower.getString("state"));

        // A thread shared on B reaches the peer as the group's Announce of the author's Create(Page).
        String title = "Sleep on hard nights " + UUID.randomUUID().toString().substring(0, 6);
        String threadId = b.thread(Tokens.ADA, title, "A warm drink and the radio, low.");
        b.share(Tokens.ADA, threadId);
        String page = B.publicUrl() + "/ap/threads/" + threadId;
        JsonObject announce = FederatedCommunity.await("the Announce of the shared thread", FederatedCommunity.DELIVERY,
                () -> peer.receivedOne(r -> "Announce".equals(r.getString("type")) && page.equals(r.getString("innerObjectId", ""))),
                this::peerState);
        assertEquals(group, announce.getString("actor"));
        assertTrue(announce.getBoolean("verified"), announce::toString);
        assertEquals("http-signature", announce.getString("verifiedBy"), announce::toString);
        assertEquals(group + "#main-key", announce.getString("signatureKeyId"), announce::toString);
        assertEquals("Create", announce.getString("innerType"), announce::toString);
        assertEquals("Page", announce.getString("innerObjectType"), announce::toString);
        assertEquals(group, announce.getString("audience"), announce::toString);
        assertTrue(announce.getString("innerActor").startsWith(B.publicUrl() + "/ap/members/"), announce::toString);

        // The peer answers; Kinship verifies Fedify's signature, reads Fedify's JSON-LD and shows the reply.
        FedifyPeer.Reply replied = peer.post("/control/reply", Json.createObjectBuilder()
                .add("inReplyTo", page).add("group", group)
                .add("content", "<p>The radio helps me too, <b>quietly</b>.</p>").build());
        assertEquals(200, replied.status(), () -> replied + "\n" + peer.logTail());
        JsonObject reply = FederatedCommunity.await("the peer's reply in the thread on B", FederatedCommunity.DELIVERY,
                () -> b.read(Tokens.CAI, threadId).getJsonArray("posts").stream().map(JsonValue::asJsonObject)
                        .filter(p -> p.getInt("seq") > 0).findFirst(),
                () -> b.read(Tokens.CAI, threadId));
        assertEquals("tester@127.0.0.1", reply.getString("author"));
        // Its HTML is cleaned by Kinship's allow-list for words from elsewhere (which keeps paragraphs, not <b>).
        assertTrue(reply.getString("html").startsWith("<p>The radio helps me too, "), reply::toString);
        assertTrue(reply.getString("html").contains("quietly"), reply::toString);
        assertEquals("VISIBLE", reply.getString("state"));
        assertEquals(Optional.empty(), peer.refused().stream().findFirst(), "the peer refused something Kinship sent");
    }

    private Object peerState() {
        return "received " + peer.received() + "\nrefused " + peer.refused() + "\nlog:\n" + peer.logTail();
    }
}
