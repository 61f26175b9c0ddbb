package org.kinship.federation.document;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who a document is for: {@code to} (primary) and {@code cc} (secondary) recipients, exactly as the caller
 * chose them. Nothing in this package adds a recipient, not even the public collection: what leaves a
 * community is the community's decision (DESIGN.md, local control), so it is made once, where the policy is.
 *
 * <p>A shared thread is public: {@code Addressing.publicly(groupFollowers, group)}. A Follow or a Flag goes to
 * one actor: {@code Addressing.only(group)}.
 *
 * @param to primary recipients, in order, without duplicates
 * @param cc secondary recipients, in order, without duplicates (a recipient already in {@code to} is dropped)
 */
public record Addressing(List<URI> to, List<URI> cc) {

    /** The public collection, as ActivityStreams spells it in full (some peers match the string). */
    public static final URI PUBLIC = URI.create("https://www.w3.org/ns/activitystreams#Public");

    /** Addressed to nobody: for documents that are fetched, not delivered. */
    public static final Addressing NONE = new Addressing(List.of(), List.of());

    public Addressing {
        LinkedHashSet<URI> primary = new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(to, "to")));
        LinkedHashSet<URI> secondary = new LinkedHashSet<>(List.copyOf(Objects.requireNonNull(cc, "cc")));
        secondary.removeAll(primary);
        primary.forEach(uri -> check(uri, "to"));
        secondary.forEach(uri -> check(uri, "cc"));
        to = List.copyOf(primary);
        cc = List.copyOf(secondary);
    }

    /** To everyone ({@code as:Public}), with {@code cc} as given (typically the group's followers and the group). */
    public static Addressing publicly(URI... cc) {
        return new Addressing(List.of(PUBLIC), List.of(cc));
    }

    /** To these actors only; not public. */
    public static Addressing only(URI... to) {
        return new Addressing(List.of(to), List.of());
    }

    /** Whether everyone may see it. */
    public boolean isPublic() {
        return to.contains(PUBLIC) || cc.contains(PUBLIC);
    }

    private static void check(URI uri, String field) {
        if (!uri.equals(PUBLIC)) {
            Fields.httpId(uri, field + " recipient");
        }
    }
}
