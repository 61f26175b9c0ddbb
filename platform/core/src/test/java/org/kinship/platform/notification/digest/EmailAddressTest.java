package org.kinship.platform.notification.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

class EmailAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "a.b+digest@mail.example.no", "x_y-z@sub-domain.example.com", "o'neil@example.ie",
            "1@2.no"})
    void acceptsBareAddresses(String address) {
        assertEquals(address, EmailAddress.validate(address));
    }

    @Test
    void stripsSurroundingBlanks() {
        assertEquals("ada@example.org", EmailAddress.validate("  ada@example.org \n"));
    }

    @Test
    void acceptsUpTo254Characters() {
        String longest = "l".repeat(64) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(61);
        assertEquals(254, longest.length());
        assertEquals(longest, EmailAddress.validate(longest));
        assertInvalid(longest + "f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ada", "ada@", "@example.org", "ada@example", "ada@@example.org", "ada@exa mple.org",
            "Ada <ada@example.org>", "ada@example.org, bo@example.org", "ada@example.org\r\nBcc: bo@example.org",
            "ada@-example.org", "ada@example-.org", "ada@example..org", ".ada@example.org", "ada.@example.org", "a..da@example.org",
            "ada@example.org.", "\"ada\"@example.org", "ada@[127.0.0.1]", "ada(comment)@example.org", "åse@example.org",
            "ada@eksempel.blåbær", "group: ada@example.org;", "ada@example.org>"})
    void refusesAnythingButABareAddress(String address) {
        assertInvalid(address);
    }

    @Test
    void refusesAnOverlongLocalPartAndNull() {
        assertInvalid("l".repeat(65) + "@example.org");
        assertEquals("l".repeat(64) + "@example.org", EmailAddress.validate("l".repeat(64) + "@example.org"));
        assertInvalid(null);
    }

    private static void assertInvalid(String address) {
        KinshipException e = assertThrows(KinshipException.class, () -> EmailAddress.validate(address), address);
        assertEquals(ErrorCode.EMAIL_INVALID, e.code());
    }

    @Test
    void frequencyIsOffDailyOrWeeklyInAnyCase() {
        assertEquals(DigestFrequency.DAILY, DigestFrequency.parse(" daily "));
        assertEquals(DigestFrequency.WEEKLY, DigestFrequency.parse("WEEKLY"));
        assertEquals(DigestFrequency.OFF, DigestFrequency.parse("Off"));
        for (String bad : new String[] {null, "", "HOURLY", "1"}) {
            assertEquals(ErrorCode.VALIDATION_FAILED,
                    assertThrows(KinshipException.class, () -> DigestFrequency.parse(bad)).code());
        }
    }

    @Test
    void theIntervalIsAPositiveNumberOfSecondsOrTheDefault() {
        assertEquals(900, DigestScheduler.interval(null));
        assertEquals(2, DigestScheduler.interval(" 2 "));
        assertEquals(900, DigestScheduler.interval("0"));
        assertEquals(900, DigestScheduler.interval("-5"));
        assertEquals(900, DigestScheduler.interval("soon"));
    }
}
