package org.kinship.plugin.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An answer for the client when a plugin cannot do what was asked. The host turns it into
 * Kinship's one error shape, {@code {"error": code, "message": message}}, with {@code status}.
 *
 * <p>A code is stable: clients switch on it, so never rename one. Use lower-case words joined by
 * underscores ({@code dose_invalid}); the platform's general codes ({@code validation_failed},
 * {@code malformed_request}, {@code not_found}, {@code forbidden}, {@code not_a_member}) may be
 * reused with the same meaning. The message is shown to people: plain, kind, and never holding
 * someone else's private data.
 */
public class PluginException extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,63}");
    private final String code;
    private final int status;

    public PluginException(int status, String code, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("A plugin answers client errors (4xx); status " + status);
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("An error code is lower_case_with_underscores: '" + code + "'");
        }
        this.code = code;
        this.status = status;
    }

    /** 400: the request is wrong (a malformed date, a dose that is not a dose). */
    public static PluginException invalid(String code, String message) {
        return new PluginException(400, code, message);
    }

    /** 403: this member may not do this. */
    public static PluginException forbidden(String code, String message) {
        return new PluginException(403, code, message);
    }

    /** 404: nothing here, or nothing this member may know exists. */
    public static PluginException notFound(String code, String message) {
        return new PluginException(404, code, message);
    }

    /** 409: the request is fine, the state of things says no. */
    public static PluginException conflict(String code, String message) {
        return new PluginException(409, code, message);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
