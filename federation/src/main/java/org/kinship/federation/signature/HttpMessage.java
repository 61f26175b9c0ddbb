package org.kinship.federation.signature;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An immutable HTTP request (or, for RFC 9421's response signatures, a response) as far as
 * signatures care: method, absolute target URI, header fields and body bytes.
 *
 * <p>The target is absolute because RFC 9421 signs {@code @target-uri} and {@code @authority};
 * the inbox builds it from its configured public base URL, not from what a proxy forwarded.
 */
public final class HttpMessage {

    private final String method;
    private final URI target;
    private final int status;
    private final Headers headers;
    private final byte[] body;

    private HttpMessage(String method, URI target, int status, Headers headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body == null ? new byte[0] : body.clone();
    }

    public static HttpMessage request(String method, URI target, Headers headers, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        if (!target.isAbsolute() || target.getRawAuthority() == null) {
            throw new IllegalArgumentException("the target must be an absolute URI with an authority: " + target);
        }
        return new HttpMessage(method.toUpperCase(Locale.ROOT), target, -1, headers, body);
    }

    public static HttpMessage response(int status, Headers headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new HttpMessage(null, null, status, headers, body);
    }

    public boolean isRequest() {
        return target != null;
    }

    /** Upper-case method; {@code null} for a response. */
    public String method() {
        return method;
    }

    /** Absolute target URI; {@code null} for a response. */
    public URI target() {
        return target;
    }

    /** Status code of a response; -1 for a request. */
    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    /** The body without a copy, for hashing inside this package. */
    byte[] bodyUnsafe() {
        return body;
    }

    public int bodyLength() {
        return body.length;
    }

    public HttpMessage withHeaders(Headers newHeaders) {
        return new HttpMessage(method, target, status, newHeaders, body);
    }

    public HttpMessage withBody(byte[] newBody) {
        return new HttpMessage(method, target, status, headers, newBody);
    }

    /** Path and query as sent on the request line ({@code /inbox?x=1}); "/" for an empty path. */
    String requestTarget() {
        String path = target.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        String query = target.getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    /** The authority as RFC 9421 normalises it: lower-case host, default port left out. */
    String authority() {
        String host = target.getHost();
        if (host == null) {
            String raw = target.getRawAuthority();
            int at = raw.lastIndexOf('@');
            return (at >= 0 ? raw.substring(at + 1) : raw).toLowerCase(Locale.ROOT);
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = target.getPort();
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
        return defaultPort ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        String line = isRequest() ? method + " " + target : "HTTP " + status;
        return line + " (" + body.length + " bytes of body)";
    }
}
