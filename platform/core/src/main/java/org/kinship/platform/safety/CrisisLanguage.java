package org.kinship.platform.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds crisis language (suicidal thoughts, self-harm, immediate danger) in what a member writes,
 * so that moderators on duty can be alerted and the author shown the community's crisis numbers.
 * It never blocks anything. It is a list of phrases, not a clinical instrument: it will miss things
 * a person would notice, and it alerts on some text that is not a crisis. Where the two pull apart
 * it leans towards alerting, because a moderator glancing at a false alarm costs less than a person
 * in crisis going unnoticed.
 *
 * <p>Instances are immutable and thread-safe; build one per community list and share it.
 *
 * <h2>Phrase syntax</h2>
 * One phrase per entry (one per line in a list file). A phrase is one or more words:
 * <ul>
 * <li><b>Whole words, in order, next to each other.</b> "kill myself" matches "I want to kill myself"
 * but not "skill myself" or "kill my cat myself".</li>
 * <li><b>Case, width and composition do not matter</b>: "KILL MYSELF", "ｋｉｌｌ ｍｙｓｅｌｆ" and a
 * decomposed "å" match. Diacritics are <em>not</em> folded: æ, ø and å are letters of their own, so
 * "dø" does not match "do".</li>
 * <li><b>What is between words does not matter</b>: spaces, line breaks, punctuation, hyphens and
 * emoji all just separate words. "kill. myself", "kill\nmyself" and "kill - myself" match "kill myself";
 * "self-harm" in a phrase matches "self harm" and "self-harm". This crosses sentence ends too:
 * better an odd alert than a missed one.</li>
 * <li><b>Apostrophes inside a word are dropped</b>, in the phrase and the text alike, whatever their
 * style: "can't go on" matches "can't go on", "can’t go on" and "cant go on"; "I'm" is "im".</li>
 * <li><b>A word ending in {@code *} matches any word that starts with it</b>, the word itself included:
 * "suicid*" matches suicide, suicidal, suicidality; "selvmord*" matches selvmord, selvmordstanker. A
 * {@code *} may only end a word, needs at least {@value #MIN_WILDCARD_PREFIX} letters before it, and
 * may end any word of a phrase ("feel* hopeless").</li>
 * <li><b>Letters held down on a phone match</b>: a letter typed three or more times in a row matches
 * the same letter once or twice, so "diiiie" matches "die" and "killlll" matches "kill". A letter typed
 * twice is taken as written ("diie" is not "die").</li>
 * <li>A phrase is 1 to {@value #MAX_PHRASE_LENGTH} characters long, has at least one letter, and has no
 * control characters or line breaks. It may not contain {@code #}: in a list, a line that starts with
 * {@code #} is a comment, and blank lines are ignored.</li>
 * </ul>
 * There is no negation and no context: "I don't want to die" matches "want to die". That is on
 * purpose; "I don't want to live" is crisis language too.
 */
public final class CrisisLanguage {
    /** The longest phrase, in characters (code points). */
    public static final int MAX_PHRASE_LENGTH = 80;
    /** How many letters a {@code *} needs before it, so that it cannot match half the dictionary. */
    public static final int MIN_WILDCARD_PREFIX = 3;
    /** The most phrases one list may hold. */
    public static final int MAX_PHRASES = 2000;

    private static final Set<String> NORWEGIAN = Set.of("nb", "nn", "no");
    private static final Map<String, CrisisLanguage> DEFAULTS = new ConcurrentHashMap<>();
    private static final int MAX_PROBLEMS_SHOWN = 10;

    /**
     * Where a phrase was found. {@code start} and {@code end} are UTF-16 indices into the text that
     * was searched, as {@link String#substring(int, int)} takes them: from the first letter of the
     * first word to the last letter of the last word, so a client can highlight exactly that.
     *
     * @param phrase the phrase as it is listed (see {@link #phrases()})
     */
    public record Match(String phrase, int start, int end) {
        public Match {
            Objects.requireNonNull(phrase, "phrase");
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("A match needs 0 <= start < end, not " + start + ".." + end);
            }
        }
    }

    /** A compiled phrase: its words, which of them end in *, and its place in the list. */
    private record Phrase(String listed, int order, List<String> words, List<Boolean> prefix) {
        int size() {
            return words.size();
        }

        String identity() {
            StringBuilder identity = new StringBuilder();
            for (int w = 0; w < words.size(); w++) {
                identity.append(w == 0 ? "" : " ").append(words.get(w)).append(prefix.get(w) ? "*" : "");
            }
            return identity.toString();
        }
    }

    private final List<String> phrases;
    /** Phrases by the squeezed form of their first word, when that word is whole. */
    private final Map<String, List<Phrase>> byFirstWord;
    /** Phrases by the squeezed form of their first word, when that word ends in *. */
    private final Map<String, List<Phrase>> byFirstPrefix;
    /** The distinct lengths of the keys of {@link #byFirstPrefix}, ascending. */
    private final int[] prefixLengths;

    private CrisisLanguage(List<Phrase> compiled) {
        List<String> listed = new ArrayList<>(compiled.size());
        Map<String, List<Phrase>> words = new HashMap<>();
        Map<String, List<Phrase>> prefixes = new HashMap<>();
        Set<Integer> lengths = new TreeSet<>();
        for (Phrase phrase : compiled) {
            listed.add(phrase.listed());
            String key = Words.squeeze(phrase.words().get(0));
            if (phrase.prefix().get(0)) {
                prefixes.computeIfAbsent(key, k -> new ArrayList<>()).add(phrase);
                lengths.add(key.length());
            } else {
                words.computeIfAbsent(key, k -> new ArrayList<>()).add(phrase);
            }
        }
        this.phrases = List.copyOf(listed);
        this.byFirstWord = freeze(words);
        this.byFirstPrefix = freeze(prefixes);
        this.prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, List<Phrase>> freeze(Map<String, List<Phrase>> index) {
        Map<String, List<Phrase>> frozen = new HashMap<>();
        index.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    /**
     * A matcher for a list of phrases, as an admin edited it or as a list file holds it: blank
     * entries and entries starting with {@code #} are skipped, and a phrase that repeats an earlier
     * one (in another case, spacing or apostrophe style) is dropped.
     *
     * @throws IllegalArgumentException naming every invalid entry by its line (1-based position) and why,
     *                                  or when there are more than {@value #MAX_PHRASES} phrases
     */
    public static CrisisLanguage of(Collection<String> phrases) {
        Objects.requireNonNull(phrases, "phrases");
        List<Phrase> compiled = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int line = 0;
        for (String entry : phrases) {
            line++;
            if (entry == null || entry.isBlank() || entry.strip().startsWith("#")) {
                continue;
            }
            try {
                Phrase phrase = compile(entry, compiled.size());
                if (seen.add(phrase.identity())) {
                    compiled.add(phrase);
                }
            } catch (IllegalArgumentException e) {
                problems.add("Line " + line + " \"" + shorten(entry.strip()) + "\": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(problems.size() == 1
                    ? "One phrase is invalid. " : problems.size() + " phrases are invalid. ");
            message.append(String.join(" ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_SHOWN))));
            if (problems.size() > MAX_PROBLEMS_SHOWN) {
                message.append(" And ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more.");
            }
            throw new IllegalArgumentException(message.toString());
        }
        if (compiled.size() > MAX_PHRASES) {
            throw new IllegalArgumentException("A list can have at most " + MAX_PHRASES + " phrases; this one has "
                    + compiled.size() + ".");
        }
        return new CrisisLanguage(compiled);
    }

    /**
     * The list Kinship ships for a language: "en" for English; "nb", "nn" and "no" for Norwegian
     * (one list, bokmål with a few nynorsk forms). Any other language, or none, gets the English list.
     * Region and script subtags are ignored ("nb-NO", "en_GB"). Loaded once from the classpath.
     */
    public static CrisisLanguage defaults(String language) {
        return DEFAULTS.computeIfAbsent(defaultListLanguage(language), CrisisLanguage::load);
    }

    /** The phrases of {@link #defaults(String)}, in list order, for an admin to start editing from. */
    public static List<String> defaultPhrases(String language) {
        return defaults(language).phrases();
    }

    /** Which bundled list {@link #defaults(String)} uses for a language: "nb" or "en". */
    public static String defaultListLanguage(String language) {
        if (language == null) {
            return "en";
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return NORWEGIAN.contains(primary) ? "nb" : "en";
    }

    private static CrisisLanguage load(String list) {
        String resource = "safety/crisis-" + list + ".txt";
        // The class's own loader: in WildFly this class lives in an EAR library jar, next to the list.
        InputStream in = CrisisLanguage.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The default crisis phrase list " + resource + " is missing from the classpath");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        try {
            return of(lines);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The default list " + resource + " is broken: " + e.getMessage(), e);
        }
    }

    /**
     * Checks one phrase as an admin typed it and returns it cleaned up for storing: stripped, in
     * NFC, with every run of spaces made one space. Case and apostrophes are kept as typed.
     *
     * @throws IllegalArgumentException with a message for the admin saying what to change
     */
    public static String validatePhrase(String phrase) {
        return compile(phrase, 0).listed();
    }

    private static Phrase compile(String typed, int order) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("A phrase cannot be empty.");
        }
        String stripped = typed.strip();
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    "A phrase cannot contain line breaks, tabs or other control characters: put each phrase on a line of its own.");
        }
        String phrase = Normalizer.normalize(stripped, Normalizer.Form.NFC).replaceAll("(?U)\\s+", " ");
        int length = phrase.codePointCount(0, phrase.length());
        if (length > MAX_PHRASE_LENGTH) {
            throw new IllegalArgumentException("A phrase can be at most " + MAX_PHRASE_LENGTH
                    + " characters long; this one has " + length + ".");
        }
        if (phrase.indexOf('#') >= 0) {
            throw new IllegalArgumentException("A phrase cannot contain #: in a list, # starts a comment.");
        }
        List<Words.Word> words = Words.split(phrase);
        if (words.stream().noneMatch(w -> w.text().codePoints().anyMatch(Character::isLetter))) {
            throw new IllegalArgumentException("A phrase needs at least one letter.");
        }
        checkWildcards(phrase);
        List<String> texts = new ArrayList<>(words.size());
        List<Boolean> prefix = new ArrayList<>(words.size());
        for (Words.Word word : words) {
            boolean wildcard = word.end() < phrase.length() && phrase.charAt(word.end()) == '*';
            if (wildcard && word.text().codePointCount(0, word.text().length()) < MIN_WILDCARD_PREFIX) {
                throw new IllegalArgumentException("A * needs at least " + MIN_WILDCARD_PREFIX
                        + " letters before it (\"" + word.text() + "*\" would match too many words).");
            }
            texts.add(word.text());
            prefix.add(wildcard);
        }
        if (phrase.chars().filter(c -> c == '*').count() != prefix.stream().filter(p -> p).count()) {
            // Every * was checked to follow a letter; one that still belongs to no word followed an
            // ignored character (a soft hyphen, say). Refuse rather than guess.
            throw new IllegalArgumentException("A * must come straight after the letters it extends, as in suicid*.");
        }
        return new Phrase(phrase, order, List.copyOf(texts), List.copyOf(prefix));
    }

    private static void checkWildcards(String phrase) {
        for (int i = phrase.indexOf('*'); i >= 0; i = phrase.indexOf('*', i + 1)) {
            int before = i == 0 ? -1 : phrase.codePointBefore(i);
            if (before < 0 || !(Character.isLetterOrDigit(before) || isMark(before)) || Words.isApostrophe(before)) {
                throw new IllegalArgumentException(
                        "A * must come straight after the letters it extends, as in suicid* (no space or mark before it).");
            }
            if (i + 1 < phrase.length()) {
                int after = phrase.codePointAt(i + 1);
                if (after == '*' || Character.isLetterOrDigit(after) || isMark(after) || Words.isApostrophe(after)) {
                    throw new IllegalArgumentException(
                            "A * can only end a word: write suicid* rather than sui*cide or suicid**.");
                }
            }
        }
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String shorten(String entry) {
        String oneLine = entry.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }

    /** The phrases, cleaned up as {@link #validatePhrase(String)} returns them, without duplicates, in list order. */
    public List<String> phrases() {
        return phrases;
    }

    /**
     * Every place where a phrase occurs, ordered by where it starts, longer matches first at the same
     * start. Overlapping matches are all reported ("kill myself" inside "want to kill myself"), and a
     * phrase that occurs twice is reported twice. Null or empty text has no matches.
     */
    public List<Match> find(String text) {
        List<Found> found = new ArrayList<>();
        scan(text, found, false);
        found.sort(Comparator.comparingInt((Found f) -> f.match().start())
                .thenComparing(Comparator.comparingInt((Found f) -> f.match().end()).reversed())
                .thenComparingInt(Found::order));
        return found.stream().map(Found::match).toList();
    }

    /** A match and the list position of its phrase, to order matches of several phrases on the same words. */
    private record Found(Match match, int order) {
    }

    /** Whether the text holds any of the phrases: whether moderators should be alerted. Stops at the first match. */
    public boolean alarms(String text) {
        return scan(text, null, true);
    }

    /** One pass over the words of the text; at each word, only the phrases that can start with it are tried. */
    private boolean scan(String text, List<Found> matches, boolean firstOnly) {
        if (text == null || text.isEmpty() || phrases.isEmpty()) {
            return false;
        }
        List<Words.Word> words = Words.split(text);
        boolean found = false;
        for (int i = 0; i < words.size(); i++) {
            String key = words.get(i).key();
            found |= tryPhrases(byFirstWord.get(key), words, i, matches, firstOnly);
            if (found && firstOnly) {
                return true;
            }
            for (int length : prefixLengths) {
                if (length > key.length()) {
                    break;
                }
                found |= tryPhrases(byFirstPrefix.get(key.substring(0, length)), words, i, matches, firstOnly);
                if (found && firstOnly) {
                    return true;
                }
            }
        }
        return found;
    }

    private static boolean tryPhrases(List<Phrase> candidates, List<Words.Word> words, int at, List<Found> matches,
                                      boolean firstOnly) {
        if (candidates == null) {
            return false;
        }
        boolean found = false;
        for (Phrase phrase : candidates) {
            if (at + phrase.size() > words.size() || !matchesAt(phrase, words, at)) {
                continue;
            }
            found = true;
            if (firstOnly) {
                return true;
            }
            Match match = new Match(phrase.listed(), words.get(at).start(), words.get(at + phrase.size() - 1).end());
            matches.add(new Found(match, phrase.order()));
        }
        return found;
    }

    private static boolean matchesAt(Phrase phrase, List<Words.Word> words, int at) {
        for (int w = 0; w < phrase.size(); w++) {
            if (!Words.matches(phrase.words().get(w), phrase.prefix().get(w), words.get(at + w))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CrisisLanguage[" + phrases.size() + " phrases]";
    }
}
