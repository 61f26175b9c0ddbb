package org.kinship.platform.notification.digest;

import java.time.Duration;
import java.util.Locale;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** How often a member wants the digest. OFF is never stored: turning the digest off deletes the subscription. */
public enum DigestFrequency {
    OFF(null),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7));

    private final Duration period;

    DigestFrequency(Duration period) {
        this.period = period;
    }

    /** The least time between two digests; null for OFF. */
    public Duration period() {
        return period;
    }

    /** The frequency a client sent: OFF, DAILY or WEEKLY (any case), or VALIDATION_FAILED. */
    public static DigestFrequency parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Frequency must be one of OFF, DAILY, WEEKLY.");
    }
}
