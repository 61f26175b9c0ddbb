package org.kinship.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /login is the one path that demands a signed-in person (web.xml), so reaching this servlet means
 * the Keycloak round trip is done. It sends the person back to where they were: /login/c/oslo/join
 * returns to /c/oslo/join. (The OIDC round trip keeps the path but not the query string, so the
 * destination travels in the path; /login?next=... works only when already signed in.)
 */
@WebServlet({"/login", "/login/*"})
public class SignIn extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        response.sendRedirect(safeReturnPath(path != null ? path : request.getParameter("next")));
    }

    /** Only a path on this server: an open redirect would let a phishing link borrow our name. */
    static String safeReturnPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
