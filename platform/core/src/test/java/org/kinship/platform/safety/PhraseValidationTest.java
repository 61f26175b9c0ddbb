package org.kinship.platform.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules for phrases that admins type, and how a whole edited list is taken in. */
class PhraseValidationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            kill myself                  | kill myself
            "  kill    myself  "         | kill myself
            Kill Myself                  | Kill Myself
            can’t go on                  | can’t go on
            suicid*                      | suicid*
            feel* hopeless*              | feel* hopeless*
            self-harm                    | self-harm
            ønsker å dø                  | ønsker å dø
            x                            | x
            want 2 die                   | want 2 die
            sui!cide                     | sui!cide
            """)
    void acceptsAndCleansUp(String typed, String stored) {
        assertEquals(stored, CrisisLanguage.validatePhrase(typed));
    }

    @Test
    void storesTheComposedForm() {
        assertEquals("å leve", CrisisLanguage.validatePhrase("a\u030A leve"));
    }

    @Test
    void eightyCharactersIsTheLimitCountedInCodePoints() {
        String eighty = "a".repeat(79) + "ø";
        assertEquals(eighty, CrisisLanguage.validatePhrase(eighty));
        String emojiPadded = "a" + "😭".repeat(79); // 80 code points, 159 UTF-16 chars
        assertEquals(emojiPadded, CrisisLanguage.validatePhrase(emojiPadded));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.validatePhrase("a".repeat(81)));
        assertEquals("A phrase can be at most 80 characters long; this one has 81.", e.getMessage());
    }

    /** typed | the message an admin sees. */
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                    | A phrase cannot be empty.
            "   "                 | A phrase cannot be empty.
            kill\tmyself          | A phrase cannot contain line breaks, tabs or other control characters: put each phrase on a line of its own.
            "# a comment"         | A phrase cannot contain #: in a list, # starts a comment.
            kill myself # note    | A phrase cannot contain #: in a list, # starts a comment.
            112                   | A phrase needs at least one letter.
            ...                   | A phrase needs at least one letter.
            *                     | A phrase needs at least one letter.
            😭😭                  | A phrase needs at least one letter.
            *cide                 | A * must come straight after the letters it extends, as in suicid* (no space or mark before it).
            kill *                | A * must come straight after the letters it extends, as in suicid* (no space or mark before it).
            don'*                 | A * must come straight after the letters it extends, as in suicid* (no space or mark before it).
            self-*                | A * must come straight after the letters it extends, as in suicid* (no space or mark before it).
            sui*cide              | A * can only end a word: write suicid* rather than sui*cide or suicid**.
            suicid**              | A * can only end a word: write suicid* rather than sui*cide or suicid**.
            ki*'ll                | A * can only end a word: write suicid* rather than sui*cide or suicid**.
            ab*                   | "A * needs at least 3 letters before it (""ab*"" would match too many words)."
            want to d*            | "A * needs at least 3 letters before it (""d*"" would match too many words)."
            Dø*                   | "A * needs at least 3 letters before it (""dø*"" would match too many words)."
            """)
    void refusesWithAClearMessage(String typed, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.validatePhrase(typed));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill\nmyself", "kill\r\nmyself", "kill\u0000myself", "kill\u001Bmyself", "kill\u0085myself"})
    void refusesControlCharactersInside(String typed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.validatePhrase(typed));
        assertTrue(e.getMessage().startsWith("A phrase cannot contain line breaks"), e.getMessage());
    }

    @Test
    void surroundingLineBreaksFromATextAreaAreJustStripped() {
        assertEquals("kill myself", CrisisLanguage.validatePhrase("\r\n kill myself\n"));
    }

    @Test
    void nullIsEmpty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.validatePhrase(null));
        assertEquals("A phrase cannot be empty.", e.getMessage());
    }

    @Test
    void threeLettersBeforeAStarAreEnough() {
        assertEquals("døy*", CrisisLanguage.validatePhrase("døy*"));
        assertTrue(CrisisLanguage.of(List.of("døy*")).alarms("døyande"));
    }

    // ---------------------------------------------------------------- whole lists

    @Test
    void aListSkipsBlankLinesCommentsAndDuplicates() {
        List<String> edited = Arrays.asList(
                "# our own additions, reviewed with the clinic, March",
                "",
                "   ",
                null,
                "kill myself",
                "Kill  Myself",        // same words, other case and spacing
                "kill-myself",         // punctuation between words is spacing
                "can't go on",
                "cant go on",          // apostrophes inside words are dropped
                "can’t go on",
                "  # indented comment",
                "suicid*",
                "suicid",              // not a duplicate: without * it is one word only
                "suicid*");
        CrisisLanguage list = CrisisLanguage.of(edited);
        assertEquals(List.of("kill myself", "can't go on", "suicid*", "suicid"), list.phrases());
        assertTrue(list.alarms("I want to KILL MYSELF"));
        assertFalse(list.alarms("our own additions"), "comments are not phrases");
    }

    @Test
    void aListWithInvalidPhrasesIsRefusedNamingEachLine() {
        List<String> edited = List.of("kill myself", "sui*cide", "", "ab*", "want to die", "112");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisLanguage.of(edited));
        assertEquals("3 phrases are invalid. "
                + "Line 2 \"sui*cide\": A * can only end a word: write suicid* rather than sui*cide or suicid**. "
                + "Line 4 \"ab*\": A * needs at least 3 letters before it (\"ab*\" would match too many words). "
                + "Line 6 \"112\": A phrase needs at least one letter.", e.getMessage());
    }

    @Test
    void oneInvalidPhraseIsNamedAlone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.of(List.of("want to die", "kill myself # remove later")));
        assertEquals("One phrase is invalid. Line 2 \"kill myself # remove later\": "
                + "A phrase cannot contain #: in a list, # starts a comment.", e.getMessage());
    }

    @Test
    void manyInvalidPhrasesAreSummarised() {
        List<String> edited = Collections.nCopies(25, "*");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisLanguage.of(edited));
        assertTrue(e.getMessage().startsWith("25 phrases are invalid. Line 1 \"*\""), e.getMessage());
        assertTrue(e.getMessage().endsWith(" And 15 more."), e.getMessage());
    }

    @Test
    void aVeryLongInvalidLineIsShortenedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrisisLanguage.of(List.of("x".repeat(200))));
        assertTrue(e.getMessage().contains("\"" + "x".repeat(39) + "…\""), e.getMessage());
    }

    @Test
    void aListHasAtMostTwoThousandPhrases() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < CrisisLanguage.MAX_PHRASES; i++) {
            many.add("phrase number " + Integer.toString(i, 26).replace('0', 'z'));
        }
        assertEquals(CrisisLanguage.MAX_PHRASES, CrisisLanguage.of(many).phrases().size());
        many.add("one more phrase");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrisisLanguage.of(many));
        assertEquals("A list can have at most 2000 phrases; this one has 2001.", e.getMessage());
    }

    @Test
    void theListItselfIsRequired() {
        assertThrows(NullPointerException.class, () -> CrisisLanguage.of(null));
    }

    @Test
    void phrasesAreACopyTheCallerCannotChange() {
        List<String> edited = new ArrayList<>(List.of("want to die"));
        CrisisLanguage list = CrisisLanguage.of(edited);
        edited.add("kill myself");
        assertEquals(List.of("want to die"), list.phrases());
        assertFalse(list.alarms("kill myself"), "later changes to the admin's list do not leak in");
        assertThrows(UnsupportedOperationException.class, () -> list.phrases().add("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ødelagt*", "ØDELAGT*"})
    void customNorwegianWildcardKeepsItsLetters(String phrase) {
        CrisisLanguage list = CrisisLanguage.of(List.of(phrase));
        assertTrue(list.alarms("helt ødelagte"));
        assertFalse(list.alarms("helt odelagte"));
    }
}
