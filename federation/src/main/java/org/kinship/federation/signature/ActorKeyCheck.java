package org.kinship.federation.signature;

import java.util.Objects;

/**
 * The check after the signature: the key's owner must be the activity's actor. Without it any
 * account on a server could sign activities in the name of any other actor (Mastodon and Lemmy
 * refuse the same way). Ids are compared exactly: both come from documents the origin serves.
 */
public final class ActorKeyCheck {

    private ActorKeyCheck() {
    }

    /**
     * @return the same result when refused already or when the owner is the actor; otherwise a
     *         {@link RefusalReason#KEY_OWNER_MISMATCH} refusal
     */
    public static VerificationResult requireOwner(VerificationResult result, String actorId) {
        Objects.requireNonNull(result, "result");
        if (!(result instanceof VerificationResult.Verified verified)) {
            return result;
        }
        if (actorId != null && verified.ownerId().equals(actorId)) {
            return result;
        }
        return VerificationResult.refuse(RefusalReason.KEY_OWNER_MISMATCH,
                "The request is signed with a key of " + verified.ownerId() + ", but the activity's actor is "
                        + (actorId == null ? "missing" : actorId) + ".");
    }
}
