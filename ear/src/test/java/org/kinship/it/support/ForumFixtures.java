package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/** A community with a forum and its cast: admin, moderator, an author and other members. */
public final class ForumFixtures {
    public final String slug;
    public final String categoryId;
    public final String moderatorId;
    public final String authorId;
    public final String memberId;

    private ForumFixtures(String slug, String categoryId, String moderatorId, String authorId, String memberId) {
        this.slug = slug;
        this.categoryId = categoryId;
        this.moderatorId = moderatorId;
        this.authorId = authorId;
        this.memberId = memberId;
    }

    /**
     * community-admin is admin, moderator a peer moderator ("Mod Mona"), member-ada the author ("Ada"),
     * member-bo a member ("Bo"), provider a member ("Pia") to invite into circles; member-cai is in another
     * community only (the outsider).
     */
    public static ForumFixtures create(String prefix) {
        String slug = Fixtures.community(prefix, "OPEN");
        String mod = Fixtures.join(Tokens.MODERATOR, slug, "Mod Mona").getString("memberId");
        Fixtures.promote(slug, mod, "MODERATOR");
        String ada = Fixtures.join(Tokens.ADA, slug, "Ada").getString("memberId");
        String bo = Fixtures.join(Tokens.BO, slug, "Bo").getString("memberId");
        Fixtures.join(Tokens.PROVIDER, slug, "Pia");
        Fixtures.join(Tokens.CAI, Fixtures.community(prefix + "-other", "OPEN"), "Cai");
        Api.Reply category = Api.as(Tokens.COMMUNITY_ADMIN).post(base(slug) + "/categories",
                "{\"name\": \"Everyday\", \"description\": \"How it goes\", \"sortOrder\": 1}");
        assertEquals(201, category.status(), category::toString);
        return new ForumFixtures(slug, category.object().getString("id"), mod, ada, bo);
    }

    public static String base(String slug) {
        return "/api/communities/" + slug + "/forum";
    }

    public String forum() {
        return base(slug);
    }

    /** A thread by the given user in the fixture's category; returns the created response body. */
    public JsonObject thread(String user, String title, String body) {
        Api.Reply r = Api.as(user).post(forum() + "/threads", "{\"categoryId\": " + Api.str(categoryId) + ", \"title\": "
                + Api.str(title) + ", \"body\": " + Api.str(body) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object();
    }

    public JsonObject reply(String user, String threadId, String body) {
        Api.Reply r = Api.as(user).post(forum() + "/threads/" + threadId + "/posts", "{\"body\": " + Api.str(body) + "}");
        assertEquals(201, r.status(), r::toString);
        return r.object();
    }

    /** A closed circle started by the author, with provider ("Pia") invited and accepted. */
    public JsonObject circle(String title, String body) {
        Api.Reply r = Api.as(Tokens.ADA).post(forum() + "/threads", "{\"title\": " + Api.str(title) + ", \"body\": "
                + Api.str(body) + ", \"circle\": [\"Pia\"]}");
        assertEquals(201, r.status(), r::toString);
        String id = r.object().getString("threadId");
        Api.Reply accepted = Api.as(Tokens.PROVIDER).post(forum() + "/threads/" + id + "/circle/accept", "");
        assertEquals(204, accepted.status(), accepted::toString);
        return r.object();
    }
}
