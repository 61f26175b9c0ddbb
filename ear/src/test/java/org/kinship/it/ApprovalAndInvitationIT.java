package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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

/** The approval queue and invitation links. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalAndInvitationIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static String base(String slug) {
        return "/api/communities/" + slug;
    }

    /** A community with approval, Moderator as its peer moderator and Bo as an ordinary member. */
    private static String approvalCommunity() {
        String slug = Fixtures.community("appr", "APPROVAL");
        String modId = approveDirectly(slug, Tokens.MODERATOR, "Mod Mona");
        Fixtures.promote(slug, modId, "MODERATOR");
        approveDirectly(slug, Tokens.BO, "Bo");
        return slug;
    }

    private static String approveDirectly(String slug, String user, String pseudonym) {
        JsonObject applied = Fixtures.join(user, slug, pseudonym);
        assertEquals("PENDING", applied.getString("status"));
        String id = applied.getString("memberId");
        assertEquals(200, Api.as(Tokens.COMMUNITY_ADMIN).post(base(slug) + "/applications/" + id + "/approve", "").status());
        return id;
    }

    @Test
    void anApplicantWaitsForAModeratorWhoApprovesThem() {
        String slug = approvalCommunity();
        Api.Reply applied = Api.as(Tokens.ADA).post(base(slug) + "/members", "{\"pseudonym\": \"Ada\", \"note\": \"I live in town\"}");
        assertEquals(202, applied.status(), applied::toString);
        assertEquals("PENDING", applied.object().getString("status"));
        String id = applied.object().getString("memberId");

        assertEquals("not_a_member", Api.as(Tokens.ADA).get(base(slug) + "/members").error(), "an applicant is not a member yet");
        assertEquals("application_pending", Api.as(Tokens.ADA).post(base(slug) + "/members", "{\"pseudonym\": \"Ada\"}").error());

        Api.Reply queue = Api.as(Tokens.MODERATOR).get(base(slug) + "/applications");
        assertEquals(200, queue.status());
        JsonObject entry = queue.array().getJsonObject(0);
        assertEquals("Ada", entry.getString("pseudonym"));
        assertEquals("I live in town", entry.getString("note"));

        Api.Reply approved = Api.as(Tokens.MODERATOR).post(base(slug) + "/applications/" + id + "/approve", "");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(200, Api.as(Tokens.ADA).get(base(slug) + "/members").status());
        assertEquals(0, Api.as(Tokens.MODERATOR).get(base(slug) + "/applications").array().size());
        Api.Reply twice = Api.as(Tokens.MODERATOR).post(base(slug) + "/applications/" + id + "/approve", "");
        assertEquals("not_pending", twice.error());
    }

    @Test
    void aMemberCannotApproveOrSeeTheQueue() {
        String slug = approvalCommunity();
        String id = Fixtures.join(Tokens.CAI, slug, "Cai").getString("memberId");
        Api.Reply approve = Api.as(Tokens.BO).post(base(slug) + "/applications/" + id + "/approve", "");
        assertEquals(403, approve.status());
        assertEquals("forbidden", approve.error());
        assertEquals("forbidden", Api.as(Tokens.BO).get(base(slug) + "/applications").error());
        assertEquals("forbidden", Api.as(Tokens.BO).post(base(slug) + "/invitations", "{}").error());
        assertEquals("PENDING", Api.as(Tokens.CAI).get(base(slug)).object().getJsonObject("membership").getString("status"));
    }

    @Test
    void aDeclinedApplicationLeavesNoTrace() {
        String slug = approvalCommunity();
        String id = Fixtures.join(Tokens.CAI, slug, "Cai").getString("memberId");
        assertEquals(204, Api.as(Tokens.MODERATOR).post(base(slug) + "/applications/" + id + "/decline", "").status());
        assertEquals(0, Postgres.count("select count(*) from membership where id = ?", java.util.UUID.fromString(id)));
        assertTrue(Api.isNull(Api.as(Tokens.CAI).get(base(slug)).object(), "membership"));
    }

    @Test
    void anInvitationLetsSomeoneInOnceAndIsThenUsedUp() {
        String slug = Fixtures.community("inv", "INVITATION");
        Api.Reply without = Api.as(Tokens.ADA).post(base(slug) + "/members", "{\"pseudonym\": \"Ada\"}");
        assertEquals(403, without.status());
        assertEquals("invitation_required", without.error());

        Api.Reply issued = Api.as(Tokens.COMMUNITY_ADMIN).post(base(slug) + "/invitations", "{\"validHours\": 48, \"maxUses\": 1}");
        assertEquals(201, issued.status(), issued::toString);
        String token = issued.object().getString("token");
        assertTrue(issued.object().getString("url").endsWith("/c/" + slug + "/join?invitation=" + token));

        Api.Reply joined = Api.as(Tokens.ADA).post(base(slug) + "/members",
                "{\"pseudonym\": \"Ada\", \"invitation\": " + Api.str(token) + "}");
        assertEquals(201, joined.status(), joined::toString);

        Api.Reply usedUp = Api.as(Tokens.BO).post(base(slug) + "/members",
                "{\"pseudonym\": \"Bo\", \"invitation\": " + Api.str(token) + "}");
        assertEquals(410, usedUp.status());
        assertEquals("invitation_used_up", usedUp.error());
        assertEquals(2, Fixtures.memberCount(slug));

        JsonObject listed = Api.as(Tokens.COMMUNITY_ADMIN).get(base(slug) + "/invitations").array().getJsonObject(0);
        assertEquals(1, listed.getInt("uses"));
        assertFalse(listed.containsKey("token"), "a token is shown only once");
    }

    @Test
    void expiredRevokedAndForeignInvitationsAreRefused() {
        String slug = Fixtures.community("inv2", "INVITATION");
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        JsonObject expiring = admin.post(base(slug) + "/invitations", "{\"validHours\": 1, \"maxUses\": 5}").object();
        Postgres.update("update invitation set expires_at = created_at where id = ?", java.util.UUID.fromString(expiring.getString("id")));
        Api.Reply expired = Api.as(Tokens.ADA).post(base(slug) + "/members",
                "{\"pseudonym\": \"Ada\", \"invitation\": " + Api.str(expiring.getString("token")) + "}");
        assertEquals(410, expired.status());
        assertEquals("invitation_expired", expired.error());

        JsonObject revoked = admin.post(base(slug) + "/invitations", "{\"validHours\": 24, \"maxUses\": 5}").object();
        assertEquals(204, admin.delete(base(slug) + "/invitations/" + revoked.getString("id")).status());
        Api.Reply afterRevoke = Api.as(Tokens.ADA).post(base(slug) + "/members",
                "{\"pseudonym\": \"Ada\", \"invitation\": " + Api.str(revoked.getString("token")) + "}");
        assertEquals("invitation_revoked", afterRevoke.error());

        String other = Fixtures.community("inv3", "INVITATION");
        JsonObject foreign = admin.post(base(other) + "/invitations", "{}").object();
        Api.Reply wrongCommunity = Api.as(Tokens.ADA).post(base(slug) + "/members",
                "{\"pseudonym\": \"Ada\", \"invitation\": " + Api.str(foreign.getString("token")) + "}");
        assertEquals(404, wrongCommunity.status());
        assertEquals("invitation_not_found", wrongCommunity.error());

        assertEquals(1, Fixtures.memberCount(slug), "nobody got in");
        assertEquals(0, Postgres.count("select coalesce(sum(uses), 0) from invitation i join community c on c.id = i.community_id"
                + " where c.slug = ? and i.grants_role = 'MEMBER'", slug), "no refused attempt used up an invitation");
    }

    @Test
    void badInvitationRequestsAreRefused() {
        String slug = Fixtures.community("inv4", "OPEN");
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        assertEquals("validation_failed", admin.post(base(slug) + "/invitations", "{\"validHours\": 0}").error());
        assertEquals("validation_failed", admin.post(base(slug) + "/invitations", "{\"validHours\": 100000}").error());
        assertEquals("validation_failed", admin.post(base(slug) + "/invitations", "{\"maxUses\": 0}").error());
        assertEquals("malformed_request", admin.post(base(slug) + "/invitations", "{\"maxUses\": \"many\"}").error());
        assertEquals(0, admin.get(base(slug) + "/invitations").array().stream()
                .filter(i -> i.asJsonObject().getString("role").equals("MEMBER")).count(), "only the first-admin link exists");
    }
}
