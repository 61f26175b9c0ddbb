package org.kinship.federation.signature;

import java.time.Instant;

/**
 * Remembers signatures already accepted, so the very same signed request cannot be delivered
 * twice. It only needs to remember each for the allowed clock skew: after that the request's
 * Date or created is refused anyway. (Replaying an activity under a fresh signature is a
 * different matter: the inbox deduplicates by activity id.)
 */
@FunctionalInterface
public interface ReplayGuard {

    /** No memory: every signature counts as new. */
    ReplayGuard NONE = (signatureId, forgetAfter) -> true;

    /**
     * Records the signature and says whether it was new.
     *
     * @param signatureId identifies one signature (the verifier passes key id plus signature bytes)
     * @param forgetAfter when the entry may be dropped
     * @return true the first time, false for a replay
     */
    boolean firstSeen(String signatureId, Instant forgetAfter);
}
