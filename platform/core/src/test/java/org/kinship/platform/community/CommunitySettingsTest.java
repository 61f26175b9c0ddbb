package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class CommunitySettingsTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final CrisisResource HELPLINE = new CrisisResource("Mental health helpline", "116 123", null);

    private static CommunitySettings withName(String name) {
        return new CommunitySettings(name, null, "nb", OSLO, RegistrationPolicy.OPEN, List.of());
    }

    private static CommunitySettings withDescription(String description) {
        return new CommunitySettings("Oslo peers", description, "nb", OSLO, RegistrationPolicy.OPEN, List.of());
    }

    private static CommunitySettings withLanguage(String language) {
        return new CommunitySettings("Oslo peers", null, language, OSLO, RegistrationPolicy.OPEN, List.of());
    }

    private static CommunitySettings withCrisis(List<CrisisResource> crisis) {
        return new CommunitySettings("Oslo peers", null, "nb", OSLO, RegistrationPolicy.OPEN, crisis);
    }

    @Test
    void nameIsTrimmedAndNormalised() {
        assertEquals("Oslo Zoë", withName("  Oslo Zoe\u0308 ").name());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t"})
    void nameIsRequired(String name) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withName(name));
    }

    @Test
    void nameIsAtMostEightyCharacters() {
        assertEquals(80, withName("n".repeat(80)).name().length());
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withName("n".repeat(81)));
    }

    @Test
    void nameMayNotContainControlCharacters() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withName("Oslo\u0000peers"));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withName("Oslo\u001Bpeers"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void descriptionIsOptionalAndBlankBecomesNull(String description) {
        assertNull(withDescription(description).description());
    }

    @Test
    void descriptionIsKeptTrimmedAndBounded() {
        assertEquals("For peers in Oslo.\nWelcome.", withDescription("  For peers in Oslo.\nWelcome.  ").description());
        assertEquals(2000, withDescription("d".repeat(2000)).description().length());
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withDescription("d".repeat(2001)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb", "se", "sme", "nb-NO", "en-GB"})
    void acceptsLanguageTags(String language) {
        assertEquals(language, withLanguage(language).language());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"EN", "english", "e", "n1", "nb_NO", " en", "en-"})
    void refusesAnythingThatIsNotALanguageTag(String language) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withLanguage(language));
    }

    @Test
    void parsesTimeZoneIds() {
        assertEquals(OSLO, CommunitySettings.zone("Europe/Oslo"));
        assertEquals(OSLO, CommunitySettings.zone("  Europe/Oslo "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Mars/Base", "  ", "Europe/Osl", "not a zone!"})
    void refusesUnknownTimeZones(String id) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> CommunitySettings.zone(id));
    }

    @Test
    void parsesRegistrationPolicyIgnoringCaseAndSpaces() {
        assertEquals(RegistrationPolicy.OPEN, CommunitySettings.policy("open"));
        assertEquals(RegistrationPolicy.OPEN, CommunitySettings.policy("Open"));
        assertEquals(RegistrationPolicy.APPROVAL, CommunitySettings.policy(" APPROVAL "));
        assertEquals(RegistrationPolicy.INVITATION, CommunitySettings.policy("invitation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "", "opened", "invite"})
    void refusesUnknownRegistrationPolicies(String name) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> CommunitySettings.policy(name));
    }

    @Test
    void missingPolicyIsRefusedByTheConstructor() {
        RegistrationPolicy missing = CommunitySettings.policy(null);
        assertNull(missing);
        assertFailsWith(ErrorCode.VALIDATION_FAILED,
                () -> new CommunitySettings("Oslo peers", null, "nb", OSLO, missing, List.of()));
    }

    @Test
    void allowsAtMostTenCrisisResources() {
        assertEquals(10, withCrisis(Collections.nCopies(10, HELPLINE)).crisisResources().size());
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> withCrisis(Collections.nCopies(11, HELPLINE)));
    }

    @Test
    void missingCrisisListBecomesEmpty() {
        assertEquals(List.of(), withCrisis(null).crisisResources());
    }

    @Test
    void crisisListIsCopiedAndCannotBeChangedAfterwards() {
        List<CrisisResource> input = new ArrayList<>(List.of(HELPLINE));
        CommunitySettings settings = withCrisis(input);

        input.add(new CrisisResource("Emergency", "113", null));
        input.remove(HELPLINE);

        assertEquals(List.of(HELPLINE), settings.crisisResources());
        assertThrows(UnsupportedOperationException.class,
                () -> settings.crisisResources().add(new CrisisResource("Police", "112", null)));
        assertTrue(settings.crisisResources().contains(HELPLINE));
    }
}
