package org.kinship.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * The community a request is addressed to.
 *
 * @param id            stable id (opaque text, at most 36 characters): key your rows by it
 * @param slug          the short name in URLs; an admin may not change it, but prefer {@code id} for storage
 * @param name          the display name
 * @param language      the community's language ({@code en}, {@code nb})
 * @param timeZone      the community's time zone (an IANA id such as {@code Europe/Oslo})
 * @param crisisNumbers the community's own crisis numbers, in the order the admin gave them
 */
public record CommunityInfo(String id, String slug, String name, String language, String timeZone,
                            List<CrisisNumber> crisisNumbers) {
    public CommunityInfo {
        Objects.requireNonNull(id, "id");
        crisisNumbers = List.copyOf(crisisNumbers);
    }

    /**
     * One crisis service the community lists.
     *
     * @param label       who answers (for example {@code Mental Helse hjelpetelefon})
     * @param phone       the number to call
     * @param description when it answers and for what, as the admin wrote it (may be empty)
     */
    public record CrisisNumber(String label, String phone, String description) {
    }
}
