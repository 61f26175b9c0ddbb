package org.kinship.platform.meetup;

import java.util.Locale;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** What a member answers about a date. Whether GOING means going or waiting is the occurrence's to decide. */
public enum Answer {
    GOING,
    MAYBE,
    NOT_GOING;

    public static Answer parse(String typed) {
        if (typed != null) {
            try {
                return valueOf(typed.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new KinshipException(ErrorCode.ANSWER_INVALID, "Answer GOING, MAYBE or NOT_GOING.");
    }
}
