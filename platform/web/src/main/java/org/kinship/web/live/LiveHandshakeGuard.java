package org.kinship.web.live;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses the WebSocket upgrade with 401 and the API's error body when nobody is signed in, so a
 * client learns why before any socket is opened.
 */
@WebFilter("/live")
public class LiveHandshakeGuard extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"not_authenticated\",\"message\":\"Please sign in first.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
