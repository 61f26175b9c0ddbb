package org.kinship.platform.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.kinship.platform.safety.CrisisLanguage.Match;

/** How phrases match text: the syntax, normalisation, positions. Small hand-made lists, as an admin would edit. */
class CrisisLanguageMatchingTest {

    private static CrisisLanguage list(String... phrases) {
        return CrisisLanguage.of(List.of(phrases));
    }

    /** phrase | text | whether it matches. */
    @ParameterizedTest(name = "[{index}] \"{0}\" in \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            kill myself       | I want to kill myself            | true
            kill myself       | KILL MYSELF                      | true
            kill myself       | Kill.Myself                      | true
            kill myself       | kill,\t myself                   | true
            kill myself       | kill_myself                      | true
            kill myself       | «kill» “myself”                  | true
            kill myself       | kill myself.                     | true
            kill myself       | (kill myself)                    | true
            kill myself       | I want to skill myself           | false
            kill myself       | kill myselfie                    | false
            kill myself       | kill my cat myself               | false
            kill myself       | myself kill                      | false
            kill myself       | killmyself                       | false
            the rapist        | my therapist is kind             | false
            the rapist        | the rapist was arrested          | true
            can't go on       | can't go on                      | true
            can't go on       | can’t go on                      | true
            can't go on       | cant go on                       | true
            can't go on       | CAN‘T GO ON                      | true
            can't go on       | can ʼt go on                     | false
            cant go on        | can't go on                      | true
            i'm a burden      | Im a burden                      | true
            self-harm         | self harm                        | true
            self-harm         | self-harm                        | true
            self-harm         | self—harm                        | true
            self-harm         | selfharm                         | false
            suicid*           | suicide                          | true
            suicid*           | Suicidal                         | true
            suicid*           | suicidality                      | true
            suicid*           | suicid                           | true
            suicid*           | suici                            | false
            suicid*           | antisuicide                      | false
            selvmord*         | selvmordstanker                  | true
            selvmord*         | Selvmordsforsøket                | true
            selvmord*         | selvmotsigelse                   | false
            feel* hopeless    | feeling hopeless                 | true
            feel* hopeless    | feels hopeless                   | true
            feel* hopeless    | feel hopeless                    | true
            feel* hopeless    | fell hopeless                    | false
            hopeless*         | hopelessness                     | true
            want to die       | want to diiiiie                  | true
            want to die       | wanttt to die                    | true
            want to die       | WANT TO DIEEEE                   | true
            want to die       | want to diie                     | false
            want to die       | want to dye                      | false
            kill myself       | killlll myselffff                | true
            kill myself       | kil myself                       | false
            suicid*           | suiiiiicidal                     | true
            vil dø            | vil døøøø                        | true
            vil dø            | vil do                           | false
            vil dø            | vil dö                           | false
            ødelagt           | ØDELAGT                          | true
            ødelagt           | odelagt                          | false
            å leve            | a\u030A leve                     | true
            være død          | VÆRE DØD                         | true
            ikke verdt å leve | IKKE VERDT Å LEVE                | true
            ikke verdt å leve | ikke verdt a leve                | false
            """)
    void matchesAsDocumented(String phrase, String text, boolean expected) {
        // The text block has already turned the tab and combining-ring escapes into the characters themselves.
        assertEquals(expected, list(phrase).alarms(text), () -> phrase + " in " + text);
        assertEquals(expected, !list(phrase).find(text).isEmpty(), "find agrees with alarms");
    }

    @Test
    void decomposedAndCompatibilityFormsAreTheSameLetters() {
        CrisisLanguage list = list("å leve", "kill myself");
        assertTrue(list.alarms("a\u030A leve"), "a + combining ring above is å");
        assertTrue(list.alarms("\u212B LEVE"), "ANGSTROM SIGN is Å");
        assertTrue(list.alarms("\uD835\uDC24\uD835\uDC22\uD835\uDC25\uD835\uDC25 myself"), "mathematical bold 𝐤𝐢𝐥𝐥");
        assertTrue(list.alarms("\uFF4B\uFF49\uFF4C\uFF4C\u3000myself"), "full-width letters and ideographic space");
        assertTrue(list.alarms("ⓚⓘⓛⓛ myself"), "circled letters");
        assertTrue(list.alarms("kill\u200Bmyself"), "a zero-width space is a space");
        assertTrue(list.alarms("ki\u200Dll my\u00ADself"), "a zero-width joiner and a soft hyphen are nothing");
        assertTrue(CrisisLanguage.of(List.of("a\u030A leve")).alarms("å leve"), "the phrase is normalised too");
    }

    @Test
    void lineBreaksAndRunsOfWhitespaceBetweenWordsAreIgnored() {
        CrisisLanguage list = list("no reason to live");
        assertTrue(list.alarms("no\r\nreason \t to\n\n\nlive"));
        assertTrue(list.alarms("no\u00A0reason\u2003to\u2028live"), "no-break, em and line-separator spaces");
    }

    @Test
    void positionsPointAtTheOriginalText() {
        String text = "Hi.\nI  DON’T want   to live,  really";
        List<Match> matches = list("don't want to live").find(text);
        assertEquals(1, matches.size());
        Match match = matches.get(0);
        assertEquals("don't want to live", match.phrase(), "the phrase as listed, not as typed");
        assertEquals(text.indexOf("DON"), match.start());
        assertEquals("DON’T want   to live", text.substring(match.start(), match.end()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            suicid*        | I have suicidal thoughts.         | suicidal
            selvmord*      | Har selvmordstanker!              | selvmordstanker
            want to die    | 😭😭 I want to diiiie 😭           | want to diiiie
            kill myself    | (kill myself)                     | kill myself
            kill myself    | ｋｉｌｌ ｍｙｓｅｌｆ!                | ｋｉｌｌ ｍｙｓｅｌｆ
            can't go on    | ‘I can’t go on’                   | can’t go on
            vil dø         | jeg vil dø.                       | vil dø
            """)
    void highlightCoversExactlyTheMatchedWords(String phrase, String text, String highlighted) {
        List<Match> matches = list(phrase).find(text);
        assertEquals(1, matches.size(), () -> matches.toString());
        assertEquals(highlighted, text.substring(matches.get(0).start(), matches.get(0).end()));
    }

    @Test
    void positionsAreUtf16IndicesEvenAfterEmojiAndSurrogatePairs() {
        String text = "👋🏽 𝐀 🙂 I want to die";
        Match match = list("want to die").find(text).get(0);
        assertEquals(text.indexOf("want"), match.start());
        assertEquals(text.length(), match.end());
    }

    @Test
    void everyOccurrenceIsReportedInOrderOfPosition() {
        CrisisLanguage list = list("kill myself", "want to die", "want to kill myself", "suicid*");
        String text = "I want to die. Suicide again. I want to kill myself, want to die";
        List<Match> matches = list.find(text);
        List<String> found = matches.stream().map(m -> m.phrase() + "=" + text.substring(m.start(), m.end())).toList();
        assertEquals(List.of(
                "want to die=want to die",
                "suicid*=Suicide",
                "want to kill myself=want to kill myself",   // the longer match first at the same start
                "kill myself=kill myself",                   // overlapping matches are all reported
                "want to die=want to die"), found);
    }

    @Test
    void twoPhrasesOnTheSameWordsAreReportedInListOrder() {
        List<Match> matches = list("suicid*", "suicide").find("suicide");
        assertEquals(List.of(new Match("suicid*", 0, 7), new Match("suicide", 0, 7)), matches);
    }

    @Test
    void findReturnsAnUnmodifiableList() {
        List<Match> matches = list("want to die").find("want to die");
        assertThrows(UnsupportedOperationException.class, () -> matches.add(new Match("x", 0, 1)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullOrEmptyTextHasNoMatches(String text) {
        CrisisLanguage list = CrisisLanguage.defaults("en");
        assertTrue(list.find(text).isEmpty());
        assertFalse(list.alarms(text));
    }

    @Test
    void anEmptyListNeverAlarms() {
        CrisisLanguage empty = CrisisLanguage.of(List.of());
        assertTrue(empty.phrases().isEmpty());
        assertFalse(empty.alarms("I want to kill myself"));
    }

    @Test
    void aPhraseLongerThanTheTextDoesNotMatchOffTheEnd() {
        CrisisLanguage list = list("want to kill myself");
        assertFalse(list.alarms("want to kill"));
        assertTrue(list.alarms("want to kill myself"));
    }

    @Test
    void matchRecordRefusesImpossiblePositions() {
        assertThrows(IllegalArgumentException.class, () -> new Match("x", -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new Match("x", 3, 3));
        assertThrows(NullPointerException.class, () -> new Match(null, 0, 1));
    }

    /** Whatever people paste (lone surrogates, stray marks, control characters), matching must not fail. */
    @Test
    void arbitraryTextNeverBreaksMatching() {
        CrisisLanguage en = CrisisLanguage.defaults("en");
        CrisisLanguage nb = CrisisLanguage.defaults("nb");
        Random random = new Random(20240611);
        int[] interesting = {'\'', '’', '*', '#', '-', ' ', '\n', 0x0301, 0x030A, 0x00AD, 0x200B, 0x200D, 0xFE0F,
                0xD83D, 0xDE2D, 0xDC00, 'ø', 'å', 'i', 'e', 'l', 'k', 0x0130, 0x2160, 0x00B2, 0x1F600};
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int c = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(0x3000);
                text.appendCodePoint(c);
            }
            if (random.nextInt(4) == 0) {
                text.insert(random.nextInt(text.length() + 1), " kill myself ");
            }
            String s = text.toString();
            for (CrisisLanguage list : List.of(en, nb)) {
                List<Match> matches = list.find(s);
                assertEquals(!matches.isEmpty(), list.alarms(s), s);
                for (Match m : matches) {
                    assertTrue(m.start() >= 0 && m.end() <= s.length() && m.start() < m.end(), s);
                }
            }
        }
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        CrisisLanguage list = CrisisLanguage.defaults("en");
        String text = "I can’t go on. I want to diiie, nobody would miss me. Suicide.";
        List<Match> expected = list.find(text);
        assertEquals(4, expected.size(), () -> expected.toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Match>>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> list.find(text));
            }
            for (Future<List<Match>> result : pool.invokeAll(tasks)) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
