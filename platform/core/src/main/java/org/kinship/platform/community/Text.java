package org.kinship.platform.community;

import java.text.Normalizer;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** Checks for free text that members and admins type: trimmed, normalised, bounded, no control characters. */
final class Text {
    private Text() {
    }

    static String required(String what, String value, int maxLength) {
        String text = optional(what, value, maxLength);
        if (text == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, capitalised(what) + " is required.");
        }
        return text;
    }

    /** Returns null for absent or blank text. Line breaks are allowed; other control characters are not. */
    static String optional(String what, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    capitalised(what) + " may be at most " + maxLength + " characters long.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    capitalised(what) + " contains control characters.");
        }
        return text;
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
