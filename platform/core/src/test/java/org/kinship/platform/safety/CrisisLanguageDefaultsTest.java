package org.kinship.platform.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled English and Norwegian lists, as members actually write on their phones. */
class CrisisLanguageDefaultsTest {
    private static final CrisisLanguage EN = CrisisLanguage.defaults("en");
    private static final CrisisLanguage NB = CrisisLanguage.defaults("nb");

    // ---------------------------------------------------------------- English: must alert

    @ParameterizedTest
    @ValueSource(strings = {
            "I want to die",
            "i just want to DIE",
            "I WANT TO DIE!!!",
            "I don’t want to live anymore",        // curly apostrophe
            "I dont want to live",                 // no apostrophe at all
            "I don't want to live",                // straight apostrophe
            "I don`t want to be alive",            // backtick, as some keyboards give
            "I want to\nkill\n\nmyself",           // line breaks between words
            "going to kill. myself",               // punctuation between words
            "kill...myself",
            "kill - myself",
            "kill 😭 myself",                      // emoji between words
            "ｋｉｌｌ ｍｙｓｅｌｆ",                  // full-width letters
            "ki\u00ADll myself",                   // soft hyphen pasted from a web page
            "I want to diiiiiie",                  // a letter held down
            "i want to dieeeee",
            "feeling suicidal tonight",            // suicid*
            "Suicide has been on my mind",
            "having sucidal thoughts",             // a common misspelling
            "I keep thinking about ending it all",
            "I’m a burden to everyone",
            "everyone would be better off without me",
            "I've been cutting myself again",
            "self-harm", "self harm", "selfharm", "self-harming again",
            "I can’t go on",
            "i cant go on like this",
            "I just can't take it anymore",
            "I'm going to hang myself",
            "hanging myself",
            "I want to take my own life",
            "I wrote my note",
            "there is no reason to live",
            "this is goodbye",
            "goodbye forever",
            "I just want to unalive myself",
            "took an overdose",
            "thinking of overdosing",
            "I might jump off the bridge",
            "nobody would miss me",
            "kms",
            "KMS fr",
            "I'm done with life",
            "I've given up on life",
            "who would even care if i died",
            "my life is not worth living",
            "I have been stockpiling pills",
            "I want to slit my wrists",
    })
    void englishCrisisLanguageAlerts(String post) {
        assertTrue(EN.alarms(post), () -> "should alert: " + post);
        assertFalse(EN.find(post).isEmpty(), () -> "find and alarms must agree: " + post);
    }

    // ---------------------------------------------------------------- English: must not alert

    @ParameterizedTest
    @ValueSource(strings = {
            // "kill for" is not in the list: it is an everyday idiom and would fire constantly.
            "I could kill for a coffee right now",
            // "to die for" is an idiom; the list has "want to die", "ready to die" and so on, never
            // "to die" alone, so it stays quiet. A person who wants to die rarely says only "to die".
            "This song is to die for",
            "I'm dying to see the new film",
            "That joke killed me",
            "you absolutely killed it tonight",
            "I want to skill myself up in Java",     // whole words: "skill" is not "kill"
            "I'm so tired today",
            "dead tired after work",
            "my phone died",
            "I hurt my knee at football",
            "he cut the cake himself",
            "I'm going to take my time",
            "let's end it on a positive note",
            "I wrote a note to my landlord",         // "wrote a note" is deliberately not in the list
            "I can endure it all",                   // "end it all" is not a prefix match
            "I want to live",
            "hanging out by myself this weekend",
            "I jumped on the bus",
            "the therapist helped me a lot",
            "kil myself",                            // a typo is not matched: no fuzzy matching
            "I can't go",
            "my dog is a good boy",
            "",
            "   ",
    })
    void everydayEnglishDoesNotAlert(String post) {
        assertFalse(EN.alarms(post), () -> "should not alert: " + post + " but found " + EN.find(post));
        assertTrue(EN.find(post).isEmpty());
    }

    // ---------------------------------------------------------------- Norwegian: must alert

    @ParameterizedTest
    @ValueSource(strings = {
            "Jeg vil dø",
            "jeg vil bare dø",
            "JEG VIL DØ",
            "jeg vil dø\u00f8\u00f8\u00f8",        // "døøøø": a held-down ø
            "Orker ikke mer.",
            "orker\nikke\nmer",
            "Jeg har hatt selvmordstanker hele uka",
            "SELVMORD",
            "tenker på selvmord",
            "selvmordsforsøk",
            "tenker på å ta livet mitt",
            "tenker på å ta livet av meg",
            "vil ta mitt eget liv",
            "livet er ikke verdt å leve",
            "livet er ikke verdt og leve",          // "og" for "å", as many write
            "livet er ikke verdt a\u030A leve",     // "å" typed as a + combining ring
            "Jeg skader meg selv igjen",
            "skadet meg selv i går",
            "Jeg kuttet meg igjen",
            "har rispet meg",
            "Ingen vil savne meg",
            "alle har det bedre uten meg",
            "jeg vil henge meg",
            "har lyst til å hoppe foran toget",
            "tok en overdose",
            "ØNSKER Å DØ",
            "har lyst til og dø",
            "jeg er en byrde for alle",
            "jeg vil ikke leve lenger",
            "vil bare slippe å våkne",
            "Eg vil døy",                           // nynorsk
            "sjølvmordstankar",                     // nynorsk
            "orkar ikkje meir",                     // nynorsk
            "kjenner meg så livstrøtt",
            "jeg er suicidal",
            "selvskading",
    })
    void norwegianCrisisLanguageAlerts(String post) {
        assertTrue(NB.alarms(post), () -> "should alert: " + post);
    }

    // ---------------------------------------------------------------- Norwegian: must not alert

    @ParameterizedTest
    @ValueSource(strings = {
            "Jeg er så sliten i dag",
            "Hunden min døde i fjor",
            "Jeg kuttet ned på kaffen",
            "Jeg skadet kneet på fotball",
            "Det var en selvmotsigelse",            // starts like "selvmord*" but is not
            "Telefonen min er ødelagt",
            "Vil du gjøre det?",
            "Jeg tok livet med ro i helgen",
            "Det var skikkelig dødskult",
            "Hun sa farvel til kollegene",
            "vil do",                               // ø is not o: "vil dø" must not match "vil do"
            "orker ikke middag",
            "jeg vil leve",
    })
    void everydayNorwegianDoesNotAlert(String post) {
        assertFalse(NB.alarms(post), () -> "should not alert: " + post + " but found " + NB.find(post));
    }

    // ---------------------------------------------------------------- trade-offs we accept

    /**
     * False positives we accept on purpose, so that nobody "fixes" them by weakening the lists
     * without deciding to. Each costs a moderator a glance; dropping the phrase would miss people.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Has anyone seen the Suicide Squad movie?        | suicid*
            en | Reading about suicide prevention week           | suicid*
            en | I don't want to die                             | want to die
            en | Therapy helped me take my life back             | take my life
            en | I tried to kill myself years ago, I'm better now | kill myself
            en | I'd kill myself laughing at that                | kill myself
            en | I cut myself shaving                            | cut* myself
            en | I drove 300 kms today                           | kms
            nb | Kan jeg henge meg på turen?                     | henge meg
            nb | Jeg vil ta livet mitt tilbake                   | ta livet mitt
            nb | Orker ikke mer mat nå                           | orker ikke mer
            """)
    void acceptedFalsePositivesStillAlert(String language, String post, String phrase) {
        CrisisLanguage list = CrisisLanguage.defaults(language);
        assertTrue(list.find(post).stream().anyMatch(m -> m.phrase().equals(phrase)),
                () -> "expected " + phrase + " in " + post + ", found " + list.find(post));
    }

    // ---------------------------------------------------------------- the lists themselves

    @ParameterizedTest
    @ValueSource(strings = {"en", "nb"})
    void everyDefaultPhraseMatchesItselfAsAPost(String language) {
        CrisisLanguage list = CrisisLanguage.defaults(language);
        for (String phrase : list.phrases()) {
            String post = "so " + phrase.replace("*", "") + " now";
            assertTrue(list.find(post).stream().anyMatch(m -> m.phrase().equals(phrase)),
                    () -> language + ": phrase does not match itself: " + phrase);
        }
    }

    @ParameterizedTest
    @CsvSource({"en, NOT A CLINICAL INSTRUMENT", "nb, IKKE ET KLINISK VERKTØY"})
    void bundledListIsValidUniqueAndSaysWhatItIs(String language, String disclaimer) throws IOException {
        String file = read("safety/crisis-" + language + ".txt");
        assertTrue(file.startsWith("#"), "the file opens with its explanatory comment");
        assertTrue(file.contains(disclaimer), "the header says it is a starting point, not a clinical instrument");
        List<String> lines = file.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String line : lines) {
            assertEquals(line, CrisisLanguage.validatePhrase(line), "stored as written: " + line);
        }
        // of() drops duplicates (in any case or spelling of apostrophes) silently: nothing was dropped.
        assertEquals(lines, CrisisLanguage.defaultPhrases(language));
        assertTrue(lines.size() >= 40 && lines.size() <= 100, "a thoughtful list, not a dictionary: " + lines.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"die", "dead", "death", "kill", "tired", "hurt", "cut", "pills", "rope", "bridge",
            "goodbye", "end", "alone", "sad", "dø", "død", "døden", "sliten", "drepe", "farvel", "piller", "alene"})
    void noDefaultListFiresOnASingleEverydayWord(String word) {
        assertFalse(EN.alarms(word), word);
        assertFalse(NB.alarms(word), word);
    }

    // ---------------------------------------------------------------- choosing a list

    @ParameterizedTest
    @CsvSource({"en, en", "EN, en", "en-GB, en", "en_US, en", "nb, nb", "nb-NO, nb", "NB, nb", "nn, nb",
            "nn-NO, nb", "no, nb", "no_NO, nb", "sv, en", "de, en", "' ', en", "xx-YY, en"})
    void languageChoosesTheBundledList(String language, String list) {
        assertEquals(list, CrisisLanguage.defaultListLanguage(language));
        assertSame(CrisisLanguage.defaults(list), CrisisLanguage.defaults(language));
        assertEquals(CrisisLanguage.defaultPhrases(list), CrisisLanguage.defaultPhrases(language));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noLanguageMeansEnglish(String language) {
        assertEquals("en", CrisisLanguage.defaultListLanguage(language));
        assertSame(EN, CrisisLanguage.defaults(language));
    }

    @Test
    void theTwoListsDiffer() {
        assertTrue(EN.alarms("I want to kill myself"));
        assertFalse(NB.alarms("I want to kill myself"), "the Norwegian list is Norwegian");
        assertTrue(NB.alarms("Jeg vil ta livet av meg"));
        assertFalse(EN.alarms("Jeg vil ta livet av meg"));
        assertTrue(NB.alarms("jeg er suicidal") && EN.alarms("I am suicidal"), "suicid* is in both");
    }

    @Test
    void defaultPhrasesCannotBeChangedByTheCaller() {
        List<String> phrases = CrisisLanguage.defaultPhrases("en");
        assertThrows(UnsupportedOperationException.class, () -> phrases.add("anything"));
        assertThrows(UnsupportedOperationException.class, () -> phrases.remove(0));
    }

    @Test
    void anEditedCopyOfTheDefaultsIsAValidList() {
        List<String> edited = new java.util.ArrayList<>(CrisisLanguage.defaultPhrases("nb"));
        edited.add("vil sovne inn for godt");
        CrisisLanguage list = CrisisLanguage.of(edited);
        assertTrue(list.alarms("jeg vil sovne inn for godt"));
        assertTrue(list.alarms("jeg vil dø"));
        assertEquals(CrisisLanguage.defaultPhrases("nb").size() + 1, list.phrases().size());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = CrisisLanguage.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
