package org.kinship.federation.jsonld;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an Event stands, in iCalendar's words ({@code ical:status}, RFC 5545 STATUS for a VEVENT), as Mobilizon
 * writes it: an organiser cancels by sending the Event again, {@code CANCELLED}, rather than deleting it.
 */
public enum EventStatus {
    TENTATIVE, CONFIRMED, CANCELLED;

    /** The status a sender wrote (case aside); anything else is not a status Kinship knows, so none. */
    public static Optional<EventStatus> of(String lexical) {
        if (lexical == null) {
            return Optional.empty();
        }
        String name = lexical.strip().toUpperCase(Locale.ROOT);
        for (EventStatus s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
