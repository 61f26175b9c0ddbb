package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kinship.it.support.Tokens;

/**
 * The realm file (deploy/keycloak/kinship-realm.json) as a person meets it: registration asks for a
 * user name and a password and nothing else, and tokens carry what Kinship relies on.
 */
class KeycloakRealmIT {
    private static final String REDIRECT = "http://localhost:8280/login";

    @Test
    void registrationAsksForAUserNameAndPasswordOnly() throws Exception {
        Tokens.awaitKeycloak();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form0 = browser.send(HttpRequest.newBuilder(URI.create(Tokens.realmUrl()
                        + "/protocol/openid-connect/registrations?client_id=kinship-web&response_type=code&scope=openid&redirect_uri="
                        + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String page = form0.body();
        // Keycloak marks its cookies Secure, which java.net's cookie store will not send over http: carry them by hand.
        String cookies = form0.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .collect(java.util.stream.Collectors.joining("; "));
        assertTrue(page.contains("name=\"username\""), "asks for a user name");
        assertTrue(page.contains("name=\"password\""), "asks for a password");
        assertFalse(page.contains("name=\"email\""), "does not ask for an e-mail address");
        assertFalse(page.contains("name=\"firstName\"") || page.contains("name=\"lastName\""), "does not ask for a name");

        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page);
        assertTrue(action.find(), "the page has a form");
        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String form = "username=" + username + "&password=quiet-evening-42&password-confirm=quiet-evening-42";
        HttpResponse<String> registered = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, registered.statusCode(), registered.body());
        String location = registered.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT) && location.contains("code="), "back to Kinship signed in: " + location);
    }

    @Test
    void tokensCarryTheSubjectAndThePlatformAdminRole() {
        String admin = claims(Tokens.of(Tokens.PLATFORM_ADMIN));
        assertTrue(admin.contains("\"sub\":\"00000000-0000-4000-8000-000000000001\""), admin);
        assertTrue(admin.contains("platform-admin"), admin);
        String member = claims(Tokens.of(Tokens.ADA));
        assertTrue(member.contains("\"sub\":\"00000000-0000-4000-8000-000000000004\""), member);
        assertFalse(member.contains("platform-admin"), member);
        assertFalse(member.contains("\"email\":\""), "no e-mail address in the token: " + member);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
