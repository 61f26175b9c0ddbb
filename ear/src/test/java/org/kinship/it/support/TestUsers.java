package org.kinship.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * More people than the realm's demo users, for tests that need a crowd (twenty members answering at
 * once). They are created in the test Keycloak through its admin API (the dev-mode bootstrap admin),
 * with the demo password, so {@link Tokens#of(String)} signs them in like anyone else. The realm file
 * stays as it is: production never sees them.
 */
public final class TestUsers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    private TestUsers() {
    }

    /** Makes sure a user with this name exists (idempotent within a run) and returns the name. */
    public static synchronized String ensure(String username) {
        if (CREATED.contains(username)) {
            return username;
        }
        KeycloakServer keycloak = ItEnvironment.keycloak();
        keycloak.awaitReady();
        String base = keycloak.realmUrl().replace("/realms/kinship", "");
        String admin = adminToken(base);
        String user = "{\"username\": \"" + username + "\", \"enabled\": true, \"emailVerified\": true,"
                + " \"email\": \"" + username + "@example.org\", \"firstName\": \"Test\", \"lastName\": \"Person\","
                + " \"credentials\": [{\"type\": \"password\", \"value\": \"" + Tokens.password(username) + "\", \"temporary\": false}]}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/kinship/users"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)).build());
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IllegalStateException("cannot create test user " + username + ": " + r.statusCode() + " " + r.body());
        }
        CREATED.add(username);
        return username;
    }

    private static String adminToken(String base) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no Keycloak admin token: " + r.statusCode() + " " + r.body());
        }
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        return body.getString("access_token");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
