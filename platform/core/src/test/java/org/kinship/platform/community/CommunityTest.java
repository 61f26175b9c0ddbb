package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final CrisisResource EMERGENCY = new CrisisResource("Emergency", "113", "Ambulance");
    private static final CrisisResource HELPLINE = new CrisisResource("Mental health helpline", "116 123", null);

    private static CommunitySettings oslo() {
        return new CommunitySettings("Oslo peers", "For peers in Oslo", "nb", ZoneId.of("Europe/Oslo"),
                RegistrationPolicy.APPROVAL, List.of(EMERGENCY, HELPLINE));
    }

    @Test
    void newCommunityReflectsItsSettings() {
        Community c = new Community(new Slug("oslo"), oslo(), NOW);

        assertEquals(new Slug("oslo"), c.slug());
        assertEquals(NOW, c.createdAt());
        assertEquals("Oslo peers", c.name());
        assertEquals("For peers in Oslo", c.description());
        assertEquals("nb", c.language());
        assertEquals(ZoneId.of("Europe/Oslo"), c.timeZone());
        assertEquals(RegistrationPolicy.APPROVAL, c.registrationPolicy());
        assertEquals(List.of(EMERGENCY, HELPLINE), c.crisisResources());
    }

    @Test
    void configureReplacesEverythingIncludingClearingCrisisResources() {
        Community c = new Community(new Slug("oslo"), oslo(), NOW);

        c.configure(new CommunitySettings("Tromsø peers", null, "se", ZoneId.of("Arctic/Longyearbyen"),
                RegistrationPolicy.INVITATION, List.of()));

        assertEquals("Tromsø peers", c.name());
        assertNull(c.description(), "a description left out is cleared");
        assertEquals("se", c.language());
        assertEquals(ZoneId.of("Arctic/Longyearbyen"), c.timeZone());
        assertEquals(RegistrationPolicy.INVITATION, c.registrationPolicy());
        assertEquals(List.of(), c.crisisResources());
        assertEquals(new Slug("oslo"), c.slug(), "the slug is not a setting");
        assertEquals(NOW, c.createdAt());
    }

    @Test
    void configureReplacesCrisisResourcesInTheirNewOrder() {
        Community c = new Community(new Slug("oslo"), oslo(), NOW);
        CrisisResource police = new CrisisResource("Police", "112", null);

        c.configure(new CommunitySettings("Oslo peers", null, "nb", ZoneId.of("Europe/Oslo"),
                RegistrationPolicy.OPEN, List.of(HELPLINE, police)));

        assertEquals(List.of(HELPLINE, police), c.crisisResources());
    }

    @Test
    void crisisResourcesCannotBeChangedThroughTheAccessor() {
        Community c = new Community(new Slug("oslo"), oslo(), NOW);

        assertThrows(UnsupportedOperationException.class, () -> c.crisisResources().clear());
        assertEquals(List.of(EMERGENCY, HELPLINE), c.crisisResources());
    }

    @Test
    void configureWithoutSettingsIsRefusedAndChangesNothing() {
        Community c = new Community(new Slug("oslo"), oslo(), NOW);

        assertThrows(NullPointerException.class, () -> c.configure(null));
        assertEquals("Oslo peers", c.name());
        assertEquals(List.of(EMERGENCY, HELPLINE), c.crisisResources());
    }

    @Test
    void everyCommunityGetsItsOwnId() {
        assertNotEquals(new Community(new Slug("oslo"), oslo(), NOW).id(),
                new Community(new Slug("bergen"), oslo(), NOW).id());
    }
}
