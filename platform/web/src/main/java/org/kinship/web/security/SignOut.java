package org.kinship.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the Kinship session, then the Keycloak session, so that a shared phone or library computer
 * does not stay signed in. POST only: a link or image elsewhere cannot sign a person out.
 */
@WebServlet("/logout")
public class SignOut extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.logout();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String base = System.getProperty("kinship.public-url", "http://localhost:8080");
        String provider = System.getProperty("kinship.oidc.provider-url", "http://localhost:8180/realms/kinship");
        response.sendRedirect(provider + "/protocol/openid-connect/logout?client_id=kinship-web&post_logout_redirect_uri="
                + URLEncoder.encode(base + "/", StandardCharsets.UTF_8));
    }
}
