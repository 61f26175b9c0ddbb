package org.kinship.platform.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into normalised words in one pass, remembering where each word is in the original
 * text so that a match can be highlighted there. Posts and phrases go through the same splitting,
 * so whatever is true of one is true of the other.
 *
 * <p>A word is a run of letters, digits and combining marks. Everything else (spaces, line breaks,
 * punctuation, hyphens, emoji) separates words. Inside a word:
 * <ul>
 * <li>an apostrophe of any style is dropped: "don't", "don’t" and "dont" are the word "dont";</li>
 * <li>invisible format characters (soft hyphen, zero-width joiner) are skipped;</li>
 * <li>the word is normalised to NFKC ("ｋｉｌｌ" and "𝐤𝐢𝐥𝐥" are "kill", a decomposed "å" is "å") and
 * lower-cased with {@link Locale#ROOT}, which keeps æ, ø and å as the letters they are.</li>
 * </ul>
 * No diacritics are folded: "dø" is not "do" and "ødelagt" is not "odelagt".
 */
final class Words {
    private Words() {
    }

    /**
     * One word of a text.
     *
     * @param text      normalised: NFKC, lower case, letters, digits and marks only
     * @param key       {@link #squeeze squeezed} text, for looking up phrases that might start here
     * @param elongated whether the text holds some letter three or more times in a row ("diiie")
     * @param start     where the word starts in the original text (UTF-16 index, inclusive)
     * @param end       where it ends in the original text (UTF-16 index, exclusive)
     */
    record Word(String text, String key, boolean elongated, int start, int end) {
    }

    private enum Kind { LETTER, MARK, APOSTROPHE, IGNORED, BREAK }

    /** The words of a text, in order. Never fails, whatever the text holds (lone surrogates, emoji, marks). */
    static List<Word> split(String text) {
        List<Word> words = new ArrayList<>(Math.max(4, text.length() / 5));
        StringBuilder raw = new StringBuilder(32);
        int start = -1;
        int end = -1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            switch (kind(c)) {
                case LETTER -> {
                    if (start < 0) {
                        start = i;
                    }
                    raw.appendCodePoint(c);
                    end = next;
                }
                case MARK -> {
                    // A mark belongs to the letter before it; a mark with no letter before it is dropped.
                    if (start >= 0) {
                        raw.appendCodePoint(c);
                        end = next;
                    }
                }
                case APOSTROPHE -> {
                    // Inside a word ("don't") it is dropped; at the edge of a word it is a quotation mark.
                    boolean inside = start >= 0 && next < n && kind(text.codePointAt(next)) == Kind.LETTER;
                    if (!inside) {
                        start = flush(text, raw, start, end, words);
                    }
                }
                case IGNORED -> {
                    // Soft hyphens and joiners are invisible: they neither make nor break a word.
                }
                case BREAK -> start = flush(text, raw, start, end, words);
            }
            i = next;
        }
        flush(text, raw, start, end, words);
        return words;
    }

    private static int flush(String text, StringBuilder raw, int start, int end, List<Word> words) {
        if (start >= 0) {
            String normalised = normalise(raw);
            if (!normalised.isEmpty()) {
                words.add(new Word(normalised, squeeze(normalised), elongated(normalised), start, end));
            }
            raw.setLength(0);
        }
        return -1;
    }

    private static Kind kind(int c) {
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                return Kind.LETTER;
            }
            return c == '\'' || c == '`' ? Kind.APOSTROPHE : Kind.BREAK;
        }
        if (isApostrophe(c)) {
            return Kind.APOSTROPHE;
        }
        if (c == 0x200B) { // ZERO WIDTH SPACE: invisible, but a space
            return Kind.BREAK;
        }
        if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) { // variation selectors
            return Kind.IGNORED;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT) { // soft hyphen, zero-width (non-)joiner, word joiner, BOM
            return Kind.IGNORED;
        }
        if (Character.isLetterOrDigit(c)) {
            return Kind.LETTER;
        }
        return switch (type) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> Kind.MARK;
            // Circled letters, superscript digits, Roman numerals: letters once compatibility-normalised.
            case Character.OTHER_SYMBOL, Character.OTHER_NUMBER, Character.LETTER_NUMBER ->
                    compatibilityLetter(c) ? Kind.LETTER : Kind.BREAK;
            default -> Kind.BREAK;
        };
    }

    private static boolean compatibilityLetter(int c) {
        String folded = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
        return folded.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Straight, curly and modifier apostrophes, primes, accents and their full-width forms: phones produce all of them. */
    static boolean isApostrophe(int c) {
        return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC || c == 0x02BB
                || c == 0x02B9 || c == 0x2032 || c == 0x00B4 || c == 0xFF07 || c == 0xFF40;
    }

    private static String normalise(CharSequence raw) {
        boolean ascii = true;
        for (int k = 0; k < raw.length() && ascii; k++) {
            ascii = raw.charAt(k) < 0x80;
        }
        if (ascii) {
            return raw.toString().toLowerCase(Locale.ROOT);
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Words::keep).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** What may remain in a normalised word: compatibility forms can bring in spaces or apostrophes ("ŉ", "㍱"). */
    private static boolean keep(int c) {
        if (isApostrophe(c) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) {
            return false;
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Collapses every run of one letter to a single letter: "diiiie" and "die" both squeeze to "die", "kill" to "kil". */
    static String squeeze(String word) {
        StringBuilder out = null;
        int previous = -1;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            int width = Character.charCount(c);
            if (c == previous) {
                if (out == null) {
                    out = new StringBuilder(word.length()).append(word, 0, i);
                }
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            previous = c;
            i += width;
        }
        return out == null ? word : out.toString();
    }

    private static boolean elongated(String word) {
        int previous = -1;
        int run = 0;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            run = c == previous ? run + 1 : 1;
            if (run >= 3) {
                return true;
            }
            previous = c;
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * Whether a word of a post is a word of a phrase, allowing letters held down on a phone: each
     * run of one letter in the post is exactly as long as in the phrase, or at least three long
     * ("diiie" is "die", "killlll" is "kill", but "kil" is not "kill" and "diie" is not "die").
     * A prefix pattern (a phrase word ending in {@code *}) matches any word that starts with it.
     */
    static boolean matches(String pattern, boolean prefix, Word word) {
        String text = word.text();
        if (prefix ? text.startsWith(pattern) : text.equals(pattern)) {
            return true;
        }
        return word.elongated() && stretched(pattern, text, prefix);
    }

    private static boolean stretched(String pattern, String text, boolean prefix) {
        int i = 0;
        int j = 0;
        while (i < pattern.length()) {
            if (j >= text.length()) {
                return false;
            }
            int c = pattern.codePointAt(i);
            if (text.codePointAt(j) != c) {
                return false;
            }
            int width = Character.charCount(c);
            int inPattern = 0;
            while (i < pattern.length() && pattern.codePointAt(i) == c) {
                i += width;
                inPattern++;
            }
            int inText = 0;
            while (j < text.length() && text.codePointAt(j) == c) {
                j += width;
                inText++;
            }
            boolean lastOfPrefix = prefix && i == pattern.length();
            if (inText != inPattern && !(inText > inPattern && (inText >= 3 || lastOfPrefix))) {
                return false;
            }
        }
        return prefix || j == text.length();
    }
}
