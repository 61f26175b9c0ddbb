package org.kinship.platform.forum;

import java.util.Locale;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** The supportive reactions. A small fixed set, and nothing negative: peer support has no down-votes. */
public enum ReactionKind {
    HEART,
    HUG,
    STRENGTH,
    SAME,
    THANKS;

    public static ReactionKind parse(String name) {
        try {
            return valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.REACTION_INVALID, "A reaction is one of HEART, HUG, STRENGTH, SAME, THANKS.");
        }
    }
}
