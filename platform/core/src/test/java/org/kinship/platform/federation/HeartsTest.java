package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.federation.document.Addressing;
import org.kinship.platform.community.MemberId;

class HeartsTest {
    private final LocalIris iris = new LocalIris("https://kinship.example");
    private final MemberId member = new MemberId(UUID.randomUUID());
    private final URI group = iris.group("town");
    private final URI post = URI.create("https://lemmy.example/comment/7");
    private final Instant heartedAt = Instant.parse("2026-03-01T18:00:00Z");

    @Test
    void aLikeIsTheMembersPersonLikingThePostUnderAnIdOfTheirOwn() {
        Hearts.Heart heart = new Hearts.Heart(member, UUID.randomUUID(), heartedAt);
        JsonObject like = Hearts.like(iris, heart, post, Addressing.publicly(group), group);
        assertEquals("Like", like.getString("type"));
        assertEquals(iris.member(member).toString(), like.getString("actor"));
        assertEquals(post.toString(), like.getString("object"));
        assertEquals(group.toString(), like.getString("audience"));
        assertEquals("2026-03-01T18:00:00Z", like.getString("published"));
        assertEquals(iris.member(member) + "/likes/" + heart.reaction(), like.getString("id"));
        assertTrue(like.getString("id").startsWith(iris.member(member) + "/"), "same origin as its actor");
    }

    @Test
    void theUndoEmbedsTheVeryLikeThatWasSent() {
        Hearts.Heart heart = new Hearts.Heart(member, UUID.randomUUID(), heartedAt);
        Addressing addressing = new Addressing(List.of(group, Addressing.PUBLIC), List.of());
        JsonObject sent = Hearts.like(iris, heart, post, addressing, group);
        URI undoId = iris.activity(UUID.randomUUID());
        JsonObject undo = Hearts.undo(iris, heart, post, addressing, group, undoId, heartedAt.plusSeconds(600));
        assertEquals("Undo", undo.getString("type"));
        assertEquals(undoId.toString(), undo.getString("id"));
        assertEquals(sent.getString("actor"), undo.getString("actor"));
        JsonObject embedded = undo.getJsonObject("object");
        // The embedded Like loses only the @context the Undo already carries.
        JsonObject withoutContext = Json.createObjectBuilder(sent).remove("@context").build();
        assertEquals(withoutContext, embedded);
    }

    @Test
    void aHeartGivenAgainIsANewLike() {
        Hearts.Heart first = new Hearts.Heart(member, UUID.randomUUID(), heartedAt);
        Hearts.Heart again = new Hearts.Heart(member, UUID.randomUUID(), heartedAt.plusSeconds(60));
        assertNotEquals(Hearts.likeId(iris, first), Hearts.likeId(iris, again),
                "peers drop an activity id they have seen: the second heart must not reuse the first one's");
        assertEquals(Hearts.likeId(iris, first), Hearts.likeId(iris, new Hearts.Heart(member, first.reaction(), heartedAt)),
                "the same heart always has the same id");
    }
}
