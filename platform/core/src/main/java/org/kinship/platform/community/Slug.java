package org.kinship.platform.community;

import java.util.Objects;
import java.util.Set;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * The short name of a community in URLs and federation handles (/c/oslo, oslo@kinship.example).
 * Lower-case ASCII so it is safe in an acct: URI on every Fediverse server.
 */
public record Slug(String value) {
    /** Slugs that would shadow the server's own paths or actors. */
    private static final Set<String> RESERVED = Set.of(
            "api", "admin", "login", "logout", "static", "health", "metrics", "openapi", "ap", "inbox",
            "outbox", "actor", "instance", "well-known", "nodeinfo", "new", "settings", "me", "c", "u");

    public Slug {
        Objects.requireNonNull(value, "slug");
        if (!value.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")) {
            throw new KinshipException(ErrorCode.SLUG_INVALID,
                    "A slug is 1 to 40 lower-case letters a-z, digits and dashes, and starts and ends with a letter or digit.");
        }
        if (RESERVED.contains(value)) {
            throw new KinshipException(ErrorCode.SLUG_INVALID, "The slug '" + value + "' is reserved by the server.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
