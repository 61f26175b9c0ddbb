package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.Tokens;

/** Powers and member lists stop at a community's edge. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommunityIsolationIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void aModeratorOfOneCommunityHasNoPowerInAnother() {
        String home = Fixtures.community("home", "OPEN");
        String moderatorId = Fixtures.join(Tokens.MODERATOR, home, "Mod Mona").getString("memberId");
        Fixtures.promote(home, moderatorId, "MODERATOR");

        String elsewhere = Fixtures.community("away", "APPROVAL");
        String applicant = Fixtures.join(Tokens.ADA, elsewhere, "Ada").getString("memberId");
        Api moderator = Api.as(Tokens.MODERATOR);
        Api.Reply approve = moderator.post("/api/communities/" + elsewhere + "/applications/" + applicant + "/approve", "");
        assertEquals(403, approve.status());
        assertEquals("not_a_member", approve.error());
        assertEquals("not_a_member", moderator.get("/api/communities/" + elsewhere + "/applications").error());
        assertEquals("not_a_member", moderator.post("/api/communities/" + elsewhere + "/invitations", "{}").error());

        // Even as an ordinary member there, the moderator of "home" has no moderator powers.
        Fixtures.join(Tokens.MODERATOR, elsewhere, "Mona");
        assertEquals(200, Api.as(Tokens.COMMUNITY_ADMIN).post("/api/communities/" + elsewhere + "/applications/"
                + Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + elsewhere + "/applications").array()
                .stream().map(v -> v.asJsonObject()).filter(o -> o.getString("pseudonym").equals("Mona"))
                .findFirst().orElseThrow().getString("memberId") + "/approve", "").status());
        assertEquals("forbidden", moderator.post("/api/communities/" + elsewhere + "/applications/" + applicant + "/approve", "").error());
        assertEquals("PENDING", Api.as(Tokens.ADA).get("/api/communities/" + elsewhere).object()
                .getJsonObject("membership").getString("status"));
    }

    @Test
    void aMemberOfOneCommunityCannotSeeAnothersMemberList() {
        String mine = Fixtures.community("mine", "OPEN");
        String theirs = Fixtures.community("theirs", "OPEN");
        Fixtures.join(Tokens.BO, mine, "Bo");
        Fixtures.join(Tokens.CAI, theirs, "Cai");
        assertEquals(200, Api.as(Tokens.BO).get("/api/communities/" + mine + "/members").status());
        Api.Reply peek = Api.as(Tokens.BO).get("/api/communities/" + theirs + "/members");
        assertEquals(403, peek.status());
        assertEquals("not_a_member", peek.error());
    }

    @Test
    void onlyAdminsChangeRolesAndACommunityKeepsAnAdmin() {
        String slug = Fixtures.community("roles", "OPEN");
        String bo = Fixtures.join(Tokens.BO, slug, "Bo").getString("memberId");
        String cai = Fixtures.join(Tokens.CAI, slug, "Cai").getString("memberId");
        Fixtures.promote(slug, bo, "MODERATOR");
        Api.Reply byModerator = Api.as(Tokens.BO).put("/api/communities/" + slug + "/members/" + cai + "/role", "{\"role\": \"MODERATOR\"}");
        assertEquals(403, byModerator.status());
        assertEquals("forbidden", byModerator.error());

        String adminId = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + slug).object()
                .getJsonObject("membership").getString("memberId");
        Api.Reply demoteSelf = Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/members/" + adminId + "/role",
                "{\"role\": \"MEMBER\"}");
        assertEquals(409, demoteSelf.status());
        assertEquals("last_admin", demoteSelf.error());

        assertEquals("validation_failed", Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/members/" + cai + "/role",
                "{\"role\": \"KING\"}").error());
        assertEquals("member_not_found", Api.as(Tokens.COMMUNITY_ADMIN).put("/api/communities/" + slug + "/members/not-a-uuid/role",
                "{\"role\": \"MEMBER\"}").error());
        Fixtures.promote(slug, cai, "PROVIDER");
        assertEquals("PROVIDER", Api.as(Tokens.CAI).get("/api/communities/" + slug).object()
                .getJsonObject("membership").getString("role"));
    }
}
