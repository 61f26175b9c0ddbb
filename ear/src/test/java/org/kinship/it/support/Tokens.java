package org.kinship.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak for the realm's demo users (deploy/keycloak/kinship-realm.json),
 * through the kinship-cli client's password grant: the same tokens a script would use.
 */
public final class Tokens {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String COMMUNITY_ADMIN = "community-admin";
    public static final String MODERATOR = "moderator";
    public static final String ADA = "member-ada";
    public static final String BO = "member-bo";
    public static final String CAI = "member-cai";
    public static final String PROVIDER = "provider";
    public static final String NEWCOMER = "newcomer";

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Cached(String token, Instant expires) {
    }

    private Tokens() {
    }

    public static String password(String user) {
        return PLATFORM_ADMIN.equals(user) ? "kinship-admin" : "kinship-demo";
    }

    public static String of(String user) {
        Cached cached = CACHE.get(user);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        KeycloakServer keycloak = ItEnvironment.keycloak();
        keycloak.awaitReady();
        String form = "grant_type=password&client_id=kinship-cli&username=" + enc(user) + "&password=" + enc(password(user));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
            String token = body.getString("access_token");
            CACHE.put(user, new Cached(token, Instant.now().plusSeconds(body.getInt("expires_in") - 60L)));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The browser test signs in through Keycloak's own login page on this base URL. */
    public static String realmUrl() {
        return ItEnvironment.keycloak().realmUrl();
    }

    public static void awaitKeycloak() {
        ItEnvironment.keycloak().awaitReady();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
