package org.kinship.plugin.api;

import java.util.Objects;

/**
 * A person as they appear in one community. The id differs in every community the person joins
 * (pseudonyms stay unlinkable), so store it as the owner of what they write in this community.
 * Ids are opaque text of at most 36 characters.
 *
 * @param id        the member's id in this community
 * @param pseudonym the name they chose here, safe to show to other members
 * @param role      their role here
 */
public record Member(String id, String pseudonym, MemberRole role) {
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(role, "role");
    }
}
