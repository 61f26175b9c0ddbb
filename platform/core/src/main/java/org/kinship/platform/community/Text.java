package org.kinship.platform.community;

import java.text.Normalizer;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Checks for free text that members and admins type: trimmed, normalised, bounded, no control
 * characters. Shared by every module that takes text, so every field fails the same way.
 */
public final class Text {
    private Text() {
    }

    public static String required(String what, String value, int maxLength) {
        return required(ErrorCode.VALIDATION_FAILED, what, value, maxLength);
    }

    public static String optional(String what, String value, int maxLength) {
        return optional(ErrorCode.VALIDATION_FAILED, what, value, maxLength);
    }

    /** Like {@link #required(String, String, int)}, failing with the given code. */
    public static String required(ErrorCode code, String what, String value, int maxLength) {
        String text = optional(code, what, value, maxLength);
        if (text == null) {
            throw new KinshipException(code, capitalised(what) + " is required.");
        }
        return text;
    }

    /** Returns null for absent or blank text. Line breaks and tabs are allowed; other control characters are not. */
    public static String optional(ErrorCode code, String what, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new KinshipException(code, capitalised(what) + " may be at most " + maxLength + " characters long.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new KinshipException(code, capitalised(what) + " contains control characters.");
        }
        return text;
    }

    /** A single line: like {@link #optional(ErrorCode, String, String, int)}, and line breaks are refused too. */
    public static String singleLine(ErrorCode code, String what, String value, int maxLength) {
        String text = optional(code, what, value, maxLength);
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            throw new KinshipException(code, capitalised(what) + " must be a single line.");
        }
        return text;
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
