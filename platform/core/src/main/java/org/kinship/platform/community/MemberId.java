package org.kinship.platform.community;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one membership: a person as they appear in one community, under one pseudonym.
 * The same person has a different MemberId in every community, which is what keeps their
 * pseudonyms unlinkable; only {@link org.kinship.platform.account.AccountId} ties them together,
 * and that never leaves the server.
 */
public record MemberId(UUID value) {
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    public static MemberId parse(String text) {
        return new MemberId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
