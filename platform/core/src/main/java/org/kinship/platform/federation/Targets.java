package org.kinship.platform.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * What an admin may type to name a remote server or community: a host ({@code example.org}), an actor id
 * ({@code https://example.org/c/walks}) or a handle ({@code walks@example.org}, {@code @walks@example.org},
 * {@code acct:walks@example.org}, or Lemmy's {@code !walks@example.org}).
 */
public final class Targets {
    private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(?::[0-9]{1,5})?");
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}._~-]{1,100}");

    /** What was typed, understood. */
    public sealed interface Target {
    }

    public record Host(String host) implements Target {
    }

    public record Actor(URI id) implements Target {
    }

    public record Handle(String user, String domain) implements Target {
        public String acct() {
            return "acct:" + user + "@" + domain;
        }
    }

    private Targets() {
    }

    public static Target parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty() || t.length() > 2048) {
            throw invalid();
        }
        if (t.startsWith("https://") || t.startsWith("http://")) {
            try {
                URI uri = new URI(t);
                if (uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw invalid();
                }
                return new Actor(uri);
            } catch (URISyntaxException e) {
                throw invalid();
            }
        }
        String handle = t.startsWith("acct:") ? t.substring(5) : t.startsWith("@") || t.startsWith("!") ? t.substring(1) : t;
        int at = handle.lastIndexOf('@');
        if (at > 0) {
            String user = handle.substring(0, at);
            String domain = handle.substring(at + 1).toLowerCase(Locale.ROOT);
            if (USER.matcher(user).matches() && HOST.matcher(domain).matches()) {
                return new Handle(user, domain);
            }
            throw invalid();
        }
        if (HOST.matcher(t).matches() && t.contains(".") || "localhost".equalsIgnoreCase(t)) {
            String host = t.toLowerCase(Locale.ROOT);
            int colon = host.indexOf(':');
            return new Host(colon < 0 ? host : host.substring(0, colon));
        }
        throw invalid();
    }

    private static KinshipException invalid() {
        return new KinshipException(ErrorCode.FEDERATION_TARGET_INVALID,
                "Give a host (example.org), a community's address (https://…) or a handle (name@example.org).");
    }
}
