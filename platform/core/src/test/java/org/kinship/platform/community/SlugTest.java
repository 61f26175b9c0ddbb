package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class SlugTest {
    @ParameterizedTest
    @ValueSource(strings = {"oslo", "bergen-2", "a", "7", "nord-trondelag", "a-b-c"})
    void acceptsLowerCaseAsciiLettersDigitsAndInnerDashes(String value) {
        assertEquals(value, new Slug(value).value());
    }

    @Test
    void acceptsUpToFortyCharacters() {
        String forty = "a".repeat(40);
        assertEquals(forty, new Slug(forty).value());
        assertFailsWith(ErrorCode.SLUG_INVALID, () -> new Slug("a".repeat(41)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Oslo", "OSLO", "-oslo", "oslo-", "-", "os lo", " oslo", "oslo\n", "øst", "oslo_bergen",
            "oslo.no", "oslo/admin", "ｏｓｌｏ"})
    void refusesAnythingElse(String value) {
        assertFailsWith(ErrorCode.SLUG_INVALID, () -> new Slug(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "login", "admin", "logout", "well-known", "inbox", "c", "u", "me"})
    void refusesSlugsReservedByTheServer(String value) {
        assertFailsWith(ErrorCode.SLUG_INVALID, () -> new Slug(value));
    }

    @Test
    void nullIsAProgrammingErrorNotAValidationFailure() {
        assertThrows(NullPointerException.class, () -> new Slug(null));
    }
}
