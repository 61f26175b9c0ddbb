package org.kinship.platform.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies a person on this server. Internal only: never shown to other members, never federated. */
public record AccountId(UUID value) {
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
