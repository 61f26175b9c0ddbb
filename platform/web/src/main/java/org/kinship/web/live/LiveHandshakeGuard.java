package org.kinship.web.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kinship.platform.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses the WebSocket upgrade with 401 and the API's error body when nobody is signed in, so a
 * client learns why before any socket is opened; and with 403 when a browser opens it from a page of
 * another origin. Browsers send the session cookie with a WebSocket handshake whatever page starts
 * it (SameSite only keeps it from other *sites*), so without this check a page on a sibling host
 * could read a member's chats with their session. Clients that send no Origin (bearer-token
 * programs, the tests) are not browsers and are not affected.
 */
@WebFilter("/live")
public class LiveHandshakeGuard extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !allowedOrigin(origin, request.getHeader("Host"))) {
            refuse(response, ErrorCode.FORBIDDEN, "The live connection only opens from Kinship's own pages.");
            return;
        }
        if (request.getUserPrincipal() == null) {
            refuse(response, ErrorCode.NOT_AUTHENTICATED, "Please sign in first.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The API's error shape, written by hand: a servlet filter runs before JAX-RS and its exception mappers. */
    private static void refuse(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + code.wireName() + "\",\"message\":\"" + message + "\"}");
    }

    /** Same origin as the request (its Host), or the public address Kinship is configured with (behind a proxy). */
    static boolean allowedOrigin(String origin, String host) {
        URI o;
        try {
            o = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (o.getHost() == null) {
            return false;
        }
        String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
        if (host != null && authority.equalsIgnoreCase(host)) {
            return true;
        }
        String publicUrl = System.getProperty("kinship.public-url");
        if (publicUrl == null) {
            return false;
        }
        try {
            URI p = new URI(publicUrl);
            return o.getScheme() != null && o.getScheme().equalsIgnoreCase(p.getScheme())
                    && o.getHost().equalsIgnoreCase(p.getHost()) && port(o) == port(p);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
