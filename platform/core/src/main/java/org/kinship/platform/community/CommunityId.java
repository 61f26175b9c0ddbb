package org.kinship.platform.community;

import java.util.Objects;
import java.util.UUID;

/** Identifies a community. Plugins and federation refer to communities by this, never by entity. */
public record CommunityId(UUID value) {
    public CommunityId {
        Objects.requireNonNull(value, "community id");
    }

    public static CommunityId random() {
        return new CommunityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
