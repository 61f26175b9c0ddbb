package org.kinship.platform.meetup;

import java.util.Objects;
import java.util.UUID;

/** Identifies one date of a meetup; RSVPs and reminders refer to this. */
public record OccurrenceId(UUID value) {
    public OccurrenceId {
        Objects.requireNonNull(value, "occurrence id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
