package org.kinship.web.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"forbidden\",\"message\":\"The live connection only opens from Kinship's own pages.\"}");
            return;
        }
        if (request.getUserPrincipal() == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"not_authenticated\",\"message\":\"Please sign in first.\"}");
            return;
        }
        chain.doFilter(request, response);
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
