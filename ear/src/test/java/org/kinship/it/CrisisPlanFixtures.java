package org.kinship.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.kinship.it.support.Api;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.TestUsers;
import org.kinship.it.support.Tokens;

/**
 * A community with the crisis-plan plugin on and the whole cast of the who-may-read table: the owner
 * (member-ada, "Ada"), the provider she will name (provider, "Pia", role PROVIDER), another provider
 * ("Olav", PROVIDER), a peer moderator ("Mod Mona"), the community's admin, another member (member-bo, "Bo"),
 * an outsider (member-cai, a member of another community only) and the platform admin (no membership).
 */
final class CrisisPlanFixtures {
    static final String PLUGIN = "crisis-plan";
    static final String OTHER_PROVIDER = "crisis-provider-2";

    final String slug;
    final String adaId;
    final String piaId;
    final String olavId;
    final String monaId;
    final String boId;
    final String adminId;
    final String caiId;

    private CrisisPlanFixtures(String slug, String adaId, String piaId, String olavId, String monaId, String boId,
                               String adminId, String caiId) {
        this.slug = slug;
        this.adaId = adaId;
        this.piaId = piaId;
        this.olavId = olavId;
        this.monaId = monaId;
        this.boId = boId;
        this.adminId = adminId;
        this.caiId = caiId;
    }

    static CrisisPlanFixtures create(String prefix) {
        String slug = Fixtures.community(prefix, "OPEN");
        String ada = Fixtures.join(Tokens.ADA, slug, "Ada").getString("memberId");
        String pia = Fixtures.join(Tokens.PROVIDER, slug, "Pia").getString("memberId");
        Fixtures.promote(slug, pia, "PROVIDER");
        String olav = Fixtures.join(TestUsers.ensure(OTHER_PROVIDER), slug, "Olav").getString("memberId");
        Fixtures.promote(slug, olav, "PROVIDER");
        String mona = Fixtures.join(Tokens.MODERATOR, slug, "Mod Mona").getString("memberId");
        Fixtures.promote(slug, mona, "MODERATOR");
        String bo = Fixtures.join(Tokens.BO, slug, "Bo").getString("memberId");
        String cai = Fixtures.join(Tokens.CAI, Fixtures.community(prefix + "-other", "OPEN"), "Cai").getString("memberId");
        String admin = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/me").object().getJsonArray("communities").stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getString("slug").equals(slug)).findFirst().orElseThrow()
                .getString("memberId");
        CrisisPlanFixtures f = new CrisisPlanFixtures(slug, ada, pia, olav, mona, bo, admin, cai);
        Fixtures.switchPlugin(slug, PLUGIN, true);
        return f;
    }

    String base() {
        return "/api/communities/" + slug + "/plugins/" + PLUGIN;
    }

    static String uniqueUser(String prefix) {
        return TestUsers.ensure(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A plan body; {@code secret} is a word that must never reach anyone the plan was not shared with. */
    static String planJson(long expectedVersion, String secret) {
        return "{\"expectedVersion\": " + expectedVersion + ","
                + " \"warningSigns\": [\"Sleeping badly " + secret + "\", \"Skipping meals\"],"
                + " \"selfHelp\": [\"A walk by the fjord\"],"
                + " \"othersCanDo\": [\"Sit with me, no advice\"],"
                + " \"contacts\": [{\"name\": \"Mum\", \"relation\": \"mother\", \"phone\": \"+47 912 34 567\", \"kind\": \"personal\"},"
                + " {\"name\": \"Dr Berg\", \"relation\": \"GP\", \"phone\": \"22 33 44 55\", \"kind\": \"professional\"}],"
                + " \"ifCannotSpeak\": \"Speak slowly. " + secret + " No hospital B.\"}";
    }

    /** A raw request, for what {@link Api.Reply} does not keep (headers) or an Accept it does not send. */
    static HttpResponse<String> raw(String user, String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).GET();
        if (user != null) {
            b.header("Authorization", "Bearer " + Tokens.of(user));
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
