package org.kinship.platform.meetup;

import java.util.Objects;
import java.util.UUID;

/** Identifies a meetup (a one-off or a whole series). Federation will map it to an {@code Event} id. */
public record MeetupId(UUID value) {
    public MeetupId {
        Objects.requireNonNull(value, "meetup id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
