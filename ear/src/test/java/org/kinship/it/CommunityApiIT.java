package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;

/** The directory, creating and configuring communities, and the API's contract for errors, health and OpenAPI. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityApiIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void directoryIsPublicAndCountsOnlyActiveMembers() {
        String slug = Fixtures.community("dir", "APPROVAL");
        Fixtures.join(Tokens.ADA, slug, "Ada"); // an application, not yet a member

        Api.Reply directory = Api.anonymous().get("/api/communities");
        assertEquals(200, directory.status());
        JsonObject entry = directory.array().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("slug").equals(slug)).findFirst().orElseThrow();
        assertEquals("Test " + slug, entry.getString("name"));
        assertEquals("en", entry.getString("language"));
        assertEquals("APPROVAL", entry.getString("registrationPolicy"));
        assertEquals(1, entry.getInt("memberCount"), "only the admin is an active member");
        assertFalse(entry.containsKey("crisisResources"), "the directory is a summary");
    }

    @Test
    void communityPageShowsCrisisResourcesToAnyone() {
        String slug = Fixtures.community("page", "OPEN");
        JsonObject page = Api.anonymous().get("/api/communities/" + slug).object();
        assertEquals("Europe/Oslo", page.getString("timeZone"));
        assertEquals(2, page.getJsonArray("crisisResources").size());
        assertEquals("112", page.getJsonArray("crisisResources").getJsonObject(0).getString("phone"));
        assertTrue(Api.isNull(page, "membership"), "anonymous callers have no membership");

        JsonObject asAdmin = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + slug).object();
        assertEquals("ADMIN", asAdmin.getJsonObject("membership").getString("role"));
    }

    @Test
    void onlyPlatformAdminsCreateCommunities() {
        String slug = Fixtures.uniqueSlug("nope");
        Api.Reply byMember = Api.as(Tokens.ADA).post("/api/communities", Fixtures.settingsJson(slug, "Nope", "OPEN"));
        assertEquals(403, byMember.status());
        assertEquals("forbidden", byMember.error());
        Api.Reply anonymous = Api.anonymous().post("/api/communities", Fixtures.settingsJson(slug, "Nope", "OPEN"));
        assertEquals(401, anonymous.status());
        assertEquals("not_authenticated", anonymous.error());
        assertEquals(404, Api.anonymous().get("/api/communities/" + slug).status(), "nothing was created");
    }

    @Test
    void anExistingSlugIsRefusedAndNothingChanges() {
        String slug = Fixtures.community("dup", "OPEN");
        Api.Reply again = Api.as(Tokens.PLATFORM_ADMIN).post("/api/communities", Fixtures.settingsJson(slug, "Other name", "OPEN"));
        assertEquals(409, again.status());
        assertEquals("slug_taken", again.error());
        assertEquals("Test " + slug, Api.anonymous().get("/api/communities/" + slug).object().getString("name"));
        assertEquals(1, Postgres.count("select count(*) from community where slug = ?", slug));
    }

    @Test
    void badCommunitySettingsGetPreciseCodes() {
        Api platform = Api.as(Tokens.PLATFORM_ADMIN);
        assertEquals("slug_invalid", platform.post("/api/communities",
                Fixtures.settingsJson("Not A Slug", "X", "OPEN")).error());
        assertEquals("slug_invalid", platform.post("/api/communities",
                Fixtures.settingsJson("api", "X", "OPEN")).error());
        String slug = Fixtures.uniqueSlug("bad");
        assertEquals("validation_failed", platform.post("/api/communities",
                Fixtures.settingsJson(slug, "", "OPEN")).error());
        assertEquals("validation_failed", platform.post("/api/communities",
                Fixtures.settingsJson(slug, "X", "SOMETIMES")).error());
        assertEquals("validation_failed", platform.post("/api/communities",
                Fixtures.settingsJson(slug, "X", "OPEN").replace("Europe/Oslo", "Mars/Olympus")).error());
        assertEquals("validation_failed", platform.post("/api/communities",
                Fixtures.settingsJson(slug, "X", "OPEN").replace("116 123", "call us")).error());
        assertEquals(0, Postgres.count("select count(*) from community where slug = ?", slug));
    }

    @Test
    void adminsConfigureTheirCommunityAndNobodyElseDoes() {
        String slug = Fixtures.community("cfg", "OPEN");
        Fixtures.join(Tokens.BO, slug, "Bo");
        String changed = Fixtures.settingsJson(null, "Renamed", "INVITATION");

        Api.Reply byMember = Api.as(Tokens.BO).put("/api/communities/" + slug + "/settings", changed);
        assertEquals(403, byMember.status());
        assertEquals("forbidden", byMember.error());
        Api.Reply byOutsider = Api.as(Tokens.CAI).put("/api/communities/" + slug + "/settings", changed);
        assertEquals("not_a_member", byOutsider.error());

        Api.Reply byAdmin = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/settings", changed);
        assertEquals(200, byAdmin.status(), byAdmin::toString);
        assertEquals("Renamed", byAdmin.object().getString("name"));
        assertEquals("INVITATION", Api.anonymous().get("/api/communities/" + slug).object().getString("registrationPolicy"));
    }

    @Test
    void everyErrorHasOneShape() {
        Api api = Api.as(Tokens.ADA);
        Api.Reply unknownPath = api.get("/api/no-such-thing");
        assertEquals(404, unknownPath.status());
        assertEquals("not_found", unknownPath.error());
        assertTrue(unknownPath.contentType().startsWith("application/json"));

        Api.Reply unknownCommunity = api.get("/api/communities/no-such-community");
        assertEquals(404, unknownCommunity.status());
        assertEquals("community_not_found", unknownCommunity.error());

        String slug = Fixtures.community("err", "OPEN");
        Api.Reply malformed = api.post("/api/communities/" + slug + "/members", "{\"pseudonym\": ");
        assertEquals(400, malformed.status());
        assertEquals("malformed_request", malformed.error());

        Api.Reply wrongShape = api.post("/api/communities/" + slug + "/members", "[1, 2]");
        assertEquals(400, wrongShape.status());
        assertEquals("malformed_request", wrongShape.error());

        Api.Reply noBody = api.post("/api/communities/" + slug + "/members", "");
        assertEquals(400, noBody.status());
        assertEquals("malformed_request", noBody.error());

        Api.Reply formPost = api.send(api.builder("/api/communities/" + slug + "/members")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("pseudonym=Ada")));
        assertEquals(415, formPost.status());
        assertEquals("unsupported_media_type", formPost.error());

        Api.Reply wrongMethod = api.send(api.builder("/api/communities").method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, wrongMethod.status());
        assertEquals("method_not_allowed", wrongMethod.error());

        assertEquals(1, Fixtures.memberCount(slug), "none of the bad requests joined anyone");
    }

    @Test
    void healthAndOpenApiAreServed() {
        Api.Reply ready = Api.anonymous().get(Api.managementUrl() + "/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"database\""), ready.body());
        Api.Reply openapi = Api.anonymous().send(Api.anonymous().builder("/openapi").header("Accept", "application/json").GET());
        assertEquals(200, openapi.status());
        JsonObject paths = openapi.object().getJsonObject("paths");
        assertNotNull(paths.get("/api/communities"), "the directory is documented");
        assertNotNull(paths.get("/api/communities/{slug}/members"), "joining is documented");
    }
}
