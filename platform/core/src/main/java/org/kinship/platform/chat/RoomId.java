package org.kinship.platform.chat;

import java.util.Objects;
import java.util.UUID;

/** Identifies a chat room (a direct conversation is a room too). */
public record RoomId(UUID value) {
    public RoomId {
        Objects.requireNonNull(value, "room id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
