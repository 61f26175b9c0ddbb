package org.kinship.platform.community;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * The name a member goes by in one community. Unique within that community by its {@link #key()},
 * which folds case, compatibility forms and separators so that "Ada_L", "ada l" and "ＡＤＡ-L" are one
 * name: nobody can pass for someone else by spelling their name slightly differently. A pseudonym
 * may not pass for a role either ("Moderator Mia", "the_admin"), because members trust what a
 * moderator says.
 */
public final class Pseudonym {
    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 32;

    /** Words that would let a pseudonym pass for a role or the service itself (English and Norwegian). */
    private static final Set<String> ROLE_WORDS = Set.of(
            "admin", "administrator", "administrasjon", "moderator", "moderater", "kinship", "system",
            "staff", "support", "official", "offisiell", "helpline", "hjelpetelefon", "ansatt");
    /** Words reserved only when they are the whole name: too short to ban as a part ("mode", "modest"). */
    private static final Set<String> WHOLE_ROLE_WORDS = Set.of("mod", "mods", "team", "root", "sysop");

    /** Letters that render as nothing (Hangul fillers, the blank Braille pattern): an invisible name could pass for another. */
    private static final Set<Integer> INVISIBLE = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);
    /** Scripts whose letters imitate each other ("Аdmin" with a Cyrillic А): a name may use only one of them. */
    private static final Set<Character.UnicodeScript> LOOK_ALIKE_SCRIPTS =
            Set.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK);
    /** Cyrillic and Greek letters that look like Latin ones, folded before the role check. */
    private static final String CONFUSABLE_FROM = "аеорсухіјѕԁвмнктгοαρτνικυεχ";
    private static final String CONFUSABLE_TO = "aeopcyxijsdbmhktroaptvikuex";

    private final String value;

    private Pseudonym(String value) {
        this.value = value;
    }

    /** Checks and normalises what a person typed. Throws with a code that says exactly what is wrong. */
    public static Pseudonym of(String typed) {
        if (typed == null || typed.isBlank()) {
            throw invalid("Choose a pseudonym: it cannot be empty.");
        }
        if (typed.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("A pseudonym cannot contain control characters or line breaks.");
        }
        String text = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).replaceAll("(?U)\\s+", " ");
        int length = text.codePointCount(0, text.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw invalid("A pseudonym must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (!text.codePoints().allMatch(Pseudonym::allowed)) {
            throw invalid("A pseudonym may contain letters, digits, spaces and . _ - ' only.");
        }
        Pseudonym pseudonym = new Pseudonym(text);
        String key = pseudonym.key();
        if (key.isEmpty()) {
            throw invalid("A pseudonym needs at least one letter or digit.");
        }
        String skeleton = skeleton(key);
        if (WHOLE_ROLE_WORDS.contains(skeleton)
                || ROLE_WORDS.stream().anyMatch(w -> skeleton.startsWith(w) || skeleton.endsWith(w))) {
            throw new KinshipException(ErrorCode.PSEUDONYM_RESERVED,
                    "That pseudonym could be mistaken for a moderator, an admin or the service. Please choose another.");
        }
        if (text.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of)
                .filter(LOOK_ALIKE_SCRIPTS::contains).distinct().count() > 1) {
            throw invalid("A pseudonym cannot mix Latin, Cyrillic and Greek letters: mixed names can imitate someone else's.");
        }
        return pseudonym;
    }

    /** Rebuilds a stored pseudonym without re-checking rules that may have tightened since it was chosen. */
    public static Pseudonym fromStored(String stored) {
        return new Pseudonym(Objects.requireNonNull(stored));
    }

    /** The key with look-alike letters from other scripts replaced by the Latin ones they imitate. */
    private static String skeleton(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            int i = CONFUSABLE_FROM.indexOf(c);
            out.appendCodePoint(i >= 0 ? CONFUSABLE_TO.charAt(i) : c);
        });
        return out.toString();
    }

    private static boolean allowed(int c) {
        if (INVISIBLE.contains(c)) {
            return false;
        }
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || c == ' ' || c == '.' || c == '_' || c == '-' || c == '\'';
    }

    private static KinshipException invalid(String message) {
        return new KinshipException(ErrorCode.PSEUDONYM_INVALID, message);
    }

    /** The form that uniqueness is decided on: compatibility-folded, lower case, letters and digits only. */
    public String key() {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pseudonym other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
