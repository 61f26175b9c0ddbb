package org.kinship.platform.notification.digest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * The one e-mail address Kinship ever stores, and only for the digest: a bare address
 * ({@code name@example.org}), no display name, no comments, no groups, at most 254 characters.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;

    /** A sane shape on top of Jakarta Mail's strict RFC 822 check: a local part, and a domain with a dot. */
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /** The address, stripped of surrounding blanks, or EMAIL_INVALID with a message that says why. */
    public static String validate(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw invalid("An e-mail address is needed for the digest.");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("An e-mail address may be at most " + MAX_LENGTH + " characters long.");
        }
        int at = text.lastIndexOf('@');
        if (!SHAPE.matcher(text).matches() || at > MAX_LOCAL_PART || text.startsWith(".") || text.contains("..")
                || text.charAt(at - 1) == '.') {
            throw invalid("That does not look like an e-mail address (name@example.org).");
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !text.equals(parsed.getAddress())) {
                throw invalid("Give the address alone, without a name (name@example.org).");
            }
        } catch (AddressException e) {
            throw invalid("That does not look like an e-mail address (name@example.org).");
        }
        return text;
    }

    private static KinshipException invalid(String message) {
        return new KinshipException(ErrorCode.EMAIL_INVALID, message);
    }
}
