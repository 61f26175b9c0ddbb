package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class PseudonymTest {
    /** DESERET CAPITAL LETTER LONG I (U+10400): a letter outside the BMP, two UTF-16 chars, one code point. */
    private static final String SUPPLEMENTARY_LETTER = "\uD801\uDC00";
    private static final String EMOJI = "\uD83D\uDE00";

    @ParameterizedTest
    @ValueSource(strings = {"Ada", "Bjørk", "Zoë", "Áilu Máret", "Čoavddaš", "Ŋunne", "Sárá Đ", "Наташа",
            "Ada_L", "O'Brien", "J.R. Tolkien-fan", "Ada Lovelace 2", "李小龍"})
    void keepsValidNamesAsTyped(String name) {
        assertEquals(name, Pseudonym.of(name).value());
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertEquals("Ada", Pseudonym.of("   Ada  ").value());
    }

    @Test
    void collapsesInternalRunsOfSpacesToOne() {
        assertEquals("Ada Lovelace", Pseudonym.of("Ada     Lovelace").value());
    }

    @Test
    void normalisesToComposedForm() {
        String decomposed = "Zoe\u0308";
        Pseudonym p = Pseudonym.of(decomposed);
        assertEquals("Zo\u00EB", p.value());
        assertEquals(3, p.value().length());
    }

    @Test
    void keyFoldsCaseSeparatorsAndCompatibilityForms() {
        String fullwidth = "\uFF21\uFF24\uFF21-L"; // "ＡＤＡ-L"
        for (String spelling : List.of("Ada_L", "ada l", fullwidth, "A.D.A. L", "ADA-L", "ada'l")) {
            assertEquals("adal", Pseudonym.of(spelling).key(), spelling);
        }
    }

    @Test
    void keyFoldsLigatures() {
        assertEquals(Pseudonym.of("fiona").key(), Pseudonym.of("\uFB01ona").key()); // "ﬁona"
    }

    @Test
    void equalityAndHashFollowTheKeyNotTheSpelling() {
        Pseudonym a = Pseudonym.of("Ada_L");
        Pseudonym b = Pseudonym.of("ada l");
        Pseudonym c = Pseudonym.of("\uFF21\uFF24\uFF21-L");
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.hashCode(), c.hashCode());
        assertNotEquals(a.value(), b.value(), "the spelling itself is kept");
        assertNotEquals(Pseudonym.of("Ada"), Pseudonym.of("Adam"));
    }

    @Test
    void storedPseudonymHasTheSameKeyAsAFreshlyCheckedOne() {
        assertEquals(Pseudonym.of("ada l"), Pseudonym.fromStored("Ada_L"));
        assertEquals("Ada_L", Pseudonym.fromStored("Ada_L").value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\u2003"})
    void refusesMissingOrBlank(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @Test
    void lengthBoundsAreTwoToThirtyTwo() {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of("A"));
        assertEquals("Ab", Pseudonym.of("Ab").value());
        assertEquals(32, Pseudonym.of("a".repeat(32)).value().length());
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of("a".repeat(33)));
    }

    @Test
    void lengthCountsCodePointsNotUtf16Chars() {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(SUPPLEMENTARY_LETTER));
        String thirtyTwo = SUPPLEMENTARY_LETTER.repeat(32); // 64 chars
        assertEquals(thirtyTwo, Pseudonym.of(thirtyTwo).value());
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(SUPPLEMENTARY_LETTER.repeat(33)));
    }

    @Test
    void lengthIsMeasuredAfterNormalisation() {
        // 40 typed chars, 32 after collapsing the spaces
        assertEquals("Ab " + "c".repeat(29), Pseudonym.of("Ab" + " ".repeat(9) + "c".repeat(29)).value());
        // 33 typed code points, 32 after NFC composes e + combining diaeresis
        assertEquals("a".repeat(31) + "\u00EB", Pseudonym.of("a".repeat(31) + "e\u0308").value());
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of("Ab" + " ".repeat(9) + "c".repeat(30)));
    }

    @ParameterizedTest
    @ValueSource(strings = {EMOJI + EMOJI, "Ada " + EMOJI, EMOJI})
    void refusesEmojiBecauseTheyAreNotLetters(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\nL", "Ada\tL", "Ada\u0000L", "Ada\u0007L", "Ada\u007FL", "Ada\u0085L",
            "Ada\r\nL", "Ada\n", "\tAda"})
    void refusesControlCharacters(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u200BL", "\u202EAda", "Ada\u200DL"})
    void refusesInvisibleAndFormattingCharacters(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    /** Phone keyboards insert no-break and wide spaces; they are spaces to the reader, so they become one. */
    @ParameterizedTest
    @ValueSource(strings = {"Ada\u00A0L", "Ada\u2003L", "Ada \u00A0 L"})
    void foldsUnicodeSpacesIntoOneOrdinarySpace(String typed) {
        assertEquals("Ada L", Pseudonym.of(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>", "@ada", "ada@home", "Ada!", "a/b", "ada#1", "ada,l", "\"ada\"", "ada:)",
            "a&b", "ada²"})
    void refusesPunctuationAndSymbols(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--", "__", "..", "''", "- _ .", "-' -"})
    void refusesNamesMadeOnlyOfSeparators(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moderator", "moderator mia", "Mia the Moderator", "Admin", "the_admin", "ADMINISTRATOR",
            "Kinship Support", "mod", "Mods", "Ansatt Kari", "M.O.D", "a d m i n", "\uFF21\uFF24\uFF2D\uFF29\uFF2E",
            "Peer Support", "Official Ada", "System", "root", "Team", "Hjelpetelefon Oslo"})
    void refusesNamesThatPassForARole(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_RESERVED, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Modesty", "badminton player", "Model", "Adam", "Mode", "Teamwork", "Rooted", "Modern Mia"})
    void allowsNamesThatMerelyContainARoleLikeWord(String typed) {
        assertEquals(typed, Pseudonym.of(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u3164\u3164", "\uFFA0\uFFA0", "\u115F\u1160", "Ada\u3164"})
    void refusesInvisibleLetters(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_INVALID, () -> Pseudonym.of(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0410dmin", "\u041C\u043Ederator", "Mia the M\u043Ederator"})
    void refusesRoleNamesSpelledWithLookAlikeLettersFromAnotherScript(String typed) {
        assertFailsWith(ErrorCode.PSEUDONYM_RESERVED, () -> Pseudonym.of(typed));
    }
}
