package org.kinship.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web client routes by path (/c/oslo, /c/oslo/join), so a reload or a shared link must get the
 * client's page. Paths with a file extension and the server's own paths pass through untouched.
 */
@WebFilter("/*")
public class ClientRoutes extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && isClientRoute(path)) {
            response.setHeader("Cache-Control", "no-cache");
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isClientRoute(String path) {
        if (path.equals("/") || path.startsWith("/api/") || path.equals("/api") || path.equals("/login") || path.startsWith("/login/")
                || path.equals("/logout") || path.equals("/live") || path.startsWith("/app/")
                // ActivityPub and discovery (org.kinship.web.federation): documents, never the client's page.
                || path.startsWith("/ap/") || path.equals("/ap") || path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
