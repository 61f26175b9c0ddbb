package org.kinship.platform.federation;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.Addressing;
import org.kinship.platform.community.MemberId;

/**
 * A member's heart as other servers see it: a {@code Like} of the post's id by the member's Person, and the
 * {@code Undo} that takes it back.
 *
 * <p>The Like's id is made from the heart's own row ({@code /ap/members/{member}/likes/{reaction}}) and its
 * {@code published} is the heart's time, so the Undo, written later from the same row, embeds the very Like that
 * was sent: peers match what an Undo takes back by its embedded activity. A heart given again after being taken
 * back is a new row and so a new Like id; with one fixed id per (member, post), peers that drop activities whose
 * id they have seen (Lemmy, Kinship) would drop the second heart.
 */
final class Hearts {
    /** One heart: who gave it, its row, and when. */
    record Heart(MemberId member, UUID reaction, Instant heartedAt) {
        Heart {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(reaction, "reaction");
            Objects.requireNonNull(heartedAt, "heartedAt");
        }
    }

    private Hearts() {
    }

    static URI likeId(LocalIris iris, Heart heart) {
        return URI.create(iris.memberPart(heart.member(), "likes") + "/" + heart.reaction());
    }

    /**
     * @param object     the post's ActivityPub id (its origin's id for a post written elsewhere)
     * @param addressing who the heart is for, as the caller decided
     * @param audience   the community the post belongs to (FEP-1b12)
     */
    static JsonObject like(LocalIris iris, Heart heart, URI object, Addressing addressing, URI audience) {
        return ActivityDocuments.like(new ActivityDocuments.Act(likeId(iris, heart), iris.member(heart.member()), addressing,
                audience, heart.heartedAt()), object);
    }

    /** The heart taken back: the same Like, embedded in an Undo of its own id and time. */
    static JsonObject undo(LocalIris iris, Heart heart, URI object, Addressing addressing, URI audience, URI undoId,
                           Instant now) {
        return ActivityDocuments.undo(new ActivityDocuments.Act(undoId, iris.member(heart.member()), addressing, audience, now),
                like(iris, heart, object, addressing, audience));
    }
}
