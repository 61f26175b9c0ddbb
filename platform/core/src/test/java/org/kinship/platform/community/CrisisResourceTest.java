package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class CrisisResourceTest {
    @ParameterizedTest
    @ValueSource(strings = {"113", "+47 22 22 22 22", "(0) 116-123", "116 123", "+4781530300"})
    void acceptsPhoneNumbers(String phone) {
        assertEquals(phone, new CrisisResource("Helpline", phone, null).phone());
    }

    @Test
    void phoneIsTrimmed() {
        assertEquals("113", new CrisisResource("Emergency", "  113 ", null).phone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "113;drop", "113;114", "1", "22<script>", "113\n114", "22\t22", "tel:113", "113 ext 4"})
    void refusesAnythingButDigitsSpacesPlusDashAndParentheses(String phone) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("Helpline", phone, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void phoneIsRequired(String phone) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("Helpline", phone, null));
    }

    @Test
    void phoneIsAtMostThirtyTwoCharacters() {
        assertEquals(32, new CrisisResource("Helpline", "1".repeat(32), null).phone().length());
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("Helpline", "1".repeat(33), null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void labelIsRequired(String label) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource(label, "113", null));
    }

    @Test
    void labelAndDescriptionAreBounded() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("l".repeat(81), "113", null));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("Helpline", "113", "d".repeat(301)));
        assertEquals(300, new CrisisResource("Helpline", "113", "d".repeat(300)).description().length());
    }

    @Test
    void blankDescriptionBecomesNull() {
        assertNull(new CrisisResource("Helpline", "113", "   ").description());
    }

    @Test
    void equalityIsByValue() {
        assertEquals(new CrisisResource("Helpline", "116 123", "Open day and night"),
                new CrisisResource(" Helpline ", "116 123", "Open day and night "));
        assertEquals(new CrisisResource("Helpline", "116 123", null).hashCode(),
                new CrisisResource("Helpline", "116 123", "").hashCode());
        assertNotEquals(new CrisisResource("Helpline", "116 123", null), new CrisisResource("Helpline", "116 117", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"()", "--", "+-", "( )"})
    void refusesPhoneNumbersWithoutDigits(String phone) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> new CrisisResource("Helpline", phone, null));
    }
}
