package org.kinship.platform.community;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * What a community admin configures. Built from untrusted input; the constructor is the one place
 * that checks it, so a {@code CommunitySettings} that exists is a valid one.
 */
public record CommunitySettings(String name, String description, String language, ZoneId timeZone,
                                RegistrationPolicy registrationPolicy, List<CrisisResource> crisisResources) {
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CRISIS_RESOURCES = 10;

    public CommunitySettings {
        name = Text.required("name", name, MAX_NAME);
        description = Text.optional("description", description, MAX_DESCRIPTION);
        if (language == null || !language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "Language must be a language tag such as 'en' or 'nb'.");
        }
        Objects.requireNonNull(timeZone, "time zone");
        if (registrationPolicy == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "Registration policy must be one of OPEN, APPROVAL, INVITATION.");
        }
        crisisResources = crisisResources == null ? List.of() : List.copyOf(crisisResources);
        if (crisisResources.size() > MAX_CRISIS_RESOURCES) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "At most " + MAX_CRISIS_RESOURCES + " crisis resources.");
        }
    }

    /** Parses a time zone id such as "Europe/Oslo", with a clear error for anything else. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Time zone is required, e.g. 'Europe/Oslo'.");
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Unknown time zone: use an id such as 'Europe/Oslo'.");
        }
    }

    /** Parses a registration policy name, with a clear error for anything else. */
    public static RegistrationPolicy policy(String name) {
        if (name == null) {
            return null;
        }
        try {
            return RegistrationPolicy.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "Registration policy must be one of OPEN, APPROVAL, INVITATION.");
        }
    }
}
