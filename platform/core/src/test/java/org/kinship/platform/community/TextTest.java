package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class TextTest {
    @Test
    void optionalTextIsTrimmedAndComposed() {
        assertEquals("Zo\u00EB", Text.optional("name", "  Zoe\u0308\n", 10));
    }

    @Test
    void blankOptionalTextIsAbsent() {
        assertNull(Text.optional("note", null, 10));
        assertNull(Text.optional("note", " \n\t ", 10));
    }

    @Test
    void requiredTextRefusesBlankWithItsName() {
        var e = assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Text.required("crisis resource label", "  ", 10));
        assertEquals("Crisis resource label is required.", e.getMessage());
    }

    @Test
    void lineBreaksAndTabsAreAllowedInside() {
        assertEquals("line one\r\nline\ttwo", Text.optional("note", "line one\r\nline\ttwo", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b"})
    void otherControlCharactersAreRefused(String value) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Text.optional("note", value, 100));
    }

    @Test
    void lengthCountsCodePointsAfterNormalisation() {
        String emoji = "\uD83D\uDE00";
        assertEquals(emoji.repeat(5), Text.optional("note", emoji.repeat(5), 5));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> Text.optional("note", emoji.repeat(6), 5));
        assertEquals("\u00EB", Text.required("note", "e\u0308", 1));
    }
}
