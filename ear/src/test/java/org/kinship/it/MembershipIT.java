package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
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

/** Joining under a pseudonym, and every way a pseudonym or a join can be refused without changing anything. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembershipIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static String members(String slug) {
        return "/api/communities/" + slug + "/members";
    }

    @Test
    void aMemberJoinsAnOpenCommunityUnderAPseudonym() {
        String slug = Fixtures.community("join", "OPEN");
        Api.Reply joined = Api.as(Tokens.ADA).post(members(slug), "{\"pseudonym\": \"  Ada   Lovelace \"}");
        assertEquals(201, joined.status(), joined::toString);
        assertEquals("Ada Lovelace", joined.object().getString("pseudonym"), "trimmed, inner spaces collapsed");
        assertEquals("MEMBER", joined.object().getString("role"));
        assertEquals("ACTIVE", joined.object().getString("status"));

        JsonObject me = Api.as(Tokens.ADA).get("/api/me").object();
        assertTrue(me.getJsonArray("communities").stream().map(v -> v.asJsonObject())
                .anyMatch(c -> c.getString("slug").equals(slug) && c.getString("pseudonym").equals("Ada Lovelace")));
        assertTrue(Api.as(Tokens.COMMUNITY_ADMIN).get(members(slug)).body().contains("Ada Lovelace"));
        assertEquals(2, Fixtures.memberCount(slug));
    }

    @Test
    void aPseudonymIsUniqueWithinACommunityWhateverItsSpelling() {
        String slug = Fixtures.community("clash", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Night Owl");
        for (String lookalike : new String[] {"Night Owl", "night owl", "NIGHT_OWL", "Night-Owl", "ＮｉｇｈｔＯｗｌ"}) {
            Api.Reply clash = Api.as(Tokens.BO).post(members(slug), "{\"pseudonym\": " + Api.str(lookalike) + "}");
            assertEquals(409, clash.status(), lookalike + " -> " + clash);
            assertEquals("pseudonym_taken", clash.error());
        }
        assertEquals(2, Fixtures.memberCount(slug), "Bo did not join");
        assertFalse(Api.as(Tokens.BO).get("/api/me").body().contains(slug));
    }

    @Test
    void onePersonMayUseDifferentPseudonymsAndOthersCannotLinkThem() {
        String first = Fixtures.community("p1", "OPEN");
        String second = Fixtures.community("p2", "OPEN");
        JsonObject inFirst = Fixtures.join(Tokens.CAI, first, "Cai in one");
        JsonObject inSecond = Fixtures.join(Tokens.CAI, second, "Someone else");
        assertNotEquals(inFirst.getString("memberId"), inSecond.getString("memberId"),
                "member ids differ per community, so they cannot be matched across communities");
        Fixtures.join(Tokens.BO, first, "Bo");
        Fixtures.join(Tokens.BO, second, "Bo");
        String listFirst = Api.as(Tokens.BO).get(members(first)).body();
        String listSecond = Api.as(Tokens.BO).get(members(second)).body();
        assertFalse(listFirst.contains("Someone else"));
        assertFalse(listSecond.contains("Cai in one"));
        assertFalse(listFirst.contains("account") || listFirst.contains("subject"), "no account identifiers leak: " + listFirst);
        // The same pseudonym may be used by someone else in another community.
        Fixtures.join(Tokens.ADA, second, "Cai in one");
    }

    @Test
    void badPseudonymsAreRefusedWithTheirOwnCodes() {
        String slug = Fixtures.community("badname", "OPEN");
        assertRefused(slug, "", "pseudonym_invalid");
        assertRefused(slug, "   ", "pseudonym_invalid");
        assertRefused(slug, "x", "pseudonym_invalid");
        assertRefused(slug, "a".repeat(33), "pseudonym_invalid");
        assertRefused(slug, "Ada\u0000", "pseudonym_invalid");
        assertRefused(slug, "Ada\nLovelace", "pseudonym_invalid");
        assertRefused(slug, "<b>Ada</b>", "pseudonym_invalid");
        assertRefused(slug, "Moderator", "pseudonym_reserved");
        assertRefused(slug, "admin", "pseudonym_reserved");
        assertRefused(slug, "Kinship Support", "pseudonym_reserved");
        assertRefused(slug, "Mia the moderator", "pseudonym_reserved");
        Api.Reply missing = Api.as(Tokens.ADA).post(members(slug), "{}");
        assertEquals("pseudonym_invalid", missing.error());
        assertEquals(1, Fixtures.memberCount(slug));
        assertEquals(0, Postgres.count("select count(*) from membership m join community c on c.id = m.community_id"
                + " where c.slug = ? and m.role = 'MEMBER'", slug), "nothing was written");
    }

    private static void assertRefused(String slug, String pseudonym, String code) {
        Api.Reply r = Api.as(Tokens.ADA).post(members(slug), "{\"pseudonym\": " + Api.str(pseudonym) + "}");
        assertEquals(400, r.status(), pseudonym + " -> " + r);
        assertEquals(code, r.error(), pseudonym);
    }

    @Test
    void joiningTwiceIsRefused() {
        String slug = Fixtures.community("twice", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Ada");
        Api.Reply again = Api.as(Tokens.ADA).post(members(slug), "{\"pseudonym\": \"Another Ada\"}");
        assertEquals(409, again.status());
        assertEquals("already_member", again.error());
        assertTrue(Api.as(Tokens.ADA).get("/api/communities/" + slug).body().contains("\"pseudonym\":\"Ada\""),
                "the pseudonym did not change");
    }

    @Test
    void concurrentJoinsWithTheSamePseudonymLetExactlyOneIn() throws Exception {
        String slug = Fixtures.community("race", "OPEN");
        CountDownLatch go = new CountDownLatch(1);
        var attempts = Stream.of(Tokens.ADA, Tokens.BO, Tokens.CAI, Tokens.PROVIDER)
                .map(user -> {
                    Api api = Api.as(user);
                    return CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return api.post(members(slug), "{\"pseudonym\": \"Same Name\"}");
                    });
                })
                .toList();
        go.countDown();
        var replies = attempts.stream().map(CompletableFuture::join).toList();
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertTrue(replies.stream().filter(r -> r.status() != 201).allMatch(r -> r.status() == 409
                && r.error().equals("pseudonym_taken")), replies::toString);
        assertEquals(2, Fixtures.memberCount(slug));
    }

    @Test
    void aMemberLeavesAndTheLastAdminCannot() {
        String slug = Fixtures.community("leave", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Ada");
        assertEquals(204, Api.as(Tokens.ADA).delete(members(slug) + "/me").status());
        assertEquals(1, Fixtures.memberCount(slug));
        Api.Reply again = Api.as(Tokens.ADA).delete(members(slug) + "/me");
        assertEquals(403, again.status());
        assertEquals("not_a_member", again.error());

        Api.Reply lastAdmin = Api.as(Tokens.COMMUNITY_ADMIN).delete(members(slug) + "/me");
        assertEquals(409, lastAdmin.status());
        assertEquals("last_admin", lastAdmin.error());
        assertEquals(1, Fixtures.memberCount(slug));

        // Ada may come back, under a name of her choosing.
        Api.Reply back = Api.as(Tokens.ADA).post(members(slug), "{\"pseudonym\": \"Ada Again\"}");
        assertEquals(201, back.status(), back::toString);
    }

    @Test
    void actingInACommunityOneIsNotAMemberOfIsRefused() {
        String slug = Fixtures.community("outsider", "OPEN");
        Api.Reply list = Api.as(Tokens.CAI).get(members(slug));
        assertEquals(403, list.status());
        assertEquals("not_a_member", list.error());
        Api.Reply leave = Api.as(Tokens.CAI).delete(members(slug) + "/me");
        assertEquals("not_a_member", leave.error());
        Api.Reply anonymous = Api.anonymous().get(members(slug));
        assertEquals(401, anonymous.status());
        assertEquals("not_authenticated", anonymous.error());
    }

    @Test
    void aChosenNameIsShownOnlyToTheMembersItWasRevealedTo() {
        String slug = Fixtures.community("reveal", "OPEN");
        Fixtures.join(Tokens.ADA, slug, "Ada");
        Fixtures.join(Tokens.BO, slug, "Bo");
        Fixtures.join(Tokens.CAI, slug, "Cai");
        String reveals = "/api/communities/" + slug + "/reveals";
        Api.Reply revealed = Api.as(Tokens.ADA).post(reveals, "{\"pseudonym\": \"bo\", \"name\": \"Astrid\"}");
        assertEquals(201, revealed.status(), revealed::toString);

        assertTrue(Api.as(Tokens.BO).get(members(slug)).body().contains("\"revealedName\":\"Astrid\""), "Bo sees it");
        assertFalse(Api.as(Tokens.CAI).get(members(slug)).body().contains("Astrid"), "Cai does not");
        assertFalse(Api.as(Tokens.COMMUNITY_ADMIN).get(members(slug)).body().contains("Astrid"), "nor does the admin");
        assertEquals("Astrid", Api.as(Tokens.BO).get(reveals).object().getJsonArray("toMe").getJsonObject(0).getString("name"));

        assertEquals("member_not_found", Api.as(Tokens.ADA).post(reveals, "{\"pseudonym\": \"Nobody\", \"name\": \"A\"}").error());
        assertEquals("validation_failed", Api.as(Tokens.ADA).post(reveals, "{\"pseudonym\": \"Bo\", \"name\": \"\"}").error());
        assertEquals("validation_failed", Api.as(Tokens.ADA).post(reveals, "{\"pseudonym\": \"Ada\", \"name\": \"Me\"}").error());

        String boId = revealed.object().getString("memberId");
        assertEquals(204, Api.as(Tokens.ADA).delete(reveals + "/" + boId).status());
        assertFalse(Api.as(Tokens.BO).get(members(slug)).body().contains("Astrid"), "withdrawn");
    }
}
