package org.kinship.platform.community;

import java.util.Locale;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Who may send a member direct messages, chosen by the member. Someone in a hard time may want to
 * hear only from the people whose role is to help (moderators and health providers), or from nobody.
 */
public enum DmPreference {
    ANYONE,
    /** Moderators, admins and health providers of the community. */
    STAFF_ONLY,
    NOBODY;

    /** Whether a member with this preference takes direct messages from someone with the given role. */
    public boolean allows(Role sender) {
        return switch (this) {
            case ANYONE -> true;
            case STAFF_ONLY -> sender.canModerate() || sender == Role.PROVIDER;
            case NOBODY -> false;
        };
    }

    public static DmPreference parse(String text) {
        try {
            return valueOf(String.valueOf(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "The preference is one of ANYONE, STAFF_ONLY, NOBODY.");
        }
    }
}
