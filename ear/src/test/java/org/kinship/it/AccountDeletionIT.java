package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.kinship.it.support.TestUsers;
import org.kinship.it.support.Tokens;

/**
 * A person deletes their account: every membership ends, the same sign-in starts afresh, and a
 * community's last admin cannot leave it without one. (What plugins kept is deleted with it: the
 * toolbox and crisis-plan ITs check their own data.) Uses users of its own: the demo users are shared.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountDeletionIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    @Test
    void deletingAnAccountEndsEveryMembershipAndTheSameSignInStartsAnew() {
        String user = TestUsers.ensure("deleting-dana");
        String first = Fixtures.community("del1", "OPEN");
        String second = Fixtures.community("del2", "OPEN");
        String firstId = Fixtures.join(user, first, "Dana").getString("memberId");
        Fixtures.join(user, second, "Dana too");
        assertEquals(2, Fixtures.memberCount(first));

        Api.Reply deleted = Api.as(user).delete("/api/me");
        assertEquals(204, deleted.status(), deleted::toString);

        JsonObject me = Api.as(user).get("/api/me").object();
        assertTrue(me.getBoolean("authenticated"), "the sign-in itself still works");
        assertEquals(0, me.getJsonArray("communities").size(), "a new, empty account: " + me);
        assertEquals(1, Fixtures.memberCount(first));
        assertEquals(1, Fixtures.memberCount(second));
        String list = Api.as(Tokens.COMMUNITY_ADMIN).get("/api/communities/" + first + "/members").body();
        assertFalse(list.contains("Dana"), list);

        String again = Fixtures.join(user, first, "Dana again").getString("memberId");
        assertNotEquals(firstId, again, "the new account is a new member, not the old one back");
    }

    @Test
    void theLastAdminOfACommunityCannotDeleteTheirAccountAndNothingChanges() {
        String user = TestUsers.ensure("deleting-admin-eli");
        String slug = Fixtures.community("dellast", "OPEN");
        String eli = Fixtures.join(user, slug, "Eli").getString("memberId");
        Fixtures.promote(slug, eli, "ADMIN");
        Api.Reply hostLeft = Api.as(Tokens.COMMUNITY_ADMIN).delete("/api/communities/" + slug + "/members/me");
        assertEquals(204, hostLeft.status(), hostLeft::toString);

        Api.Reply refused = Api.as(user).delete("/api/me");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("last_admin", refused.error());
        JsonObject me = Api.as(user).get("/api/me").object();
        assertEquals(1, me.getJsonArray("communities").size(), "still a member: " + me);
        assertEquals("ADMIN", me.getJsonArray("communities").getJsonObject(0).getString("role"));

        Api.Reply anonymous = Api.anonymous().delete("/api/me");
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("not_authenticated", anonymous.error());
    }
}
