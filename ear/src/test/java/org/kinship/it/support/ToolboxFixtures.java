package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/**
 * A community with the toolbox switched on and the cast of its reading rule: the owner (Ada), the provider
 * she shares with (Pia), another provider (Pal), a moderator, the admin, another member (Bo); member-cai
 * is signed in but not a member here (the outsider).
 */
public final class ToolboxFixtures {
    public static final String OTHER_PROVIDER = "toolbox-provider-two";

    public final String slug;
    public final String adaId;
    public final String piaId;
    public final String palId;
    public final String boId;
    public final String moderatorId;

    private ToolboxFixtures(String slug, String adaId, String piaId, String palId, String boId, String moderatorId) {
        this.slug = slug;
        this.adaId = adaId;
        this.piaId = piaId;
        this.palId = palId;
        this.boId = boId;
        this.moderatorId = moderatorId;
    }

    public static ToolboxFixtures create(String prefix) {
        String slug = Fixtures.community(prefix, "OPEN");
        String mod = Fixtures.join(Tokens.MODERATOR, slug, "Mod Mona").getString("memberId");
        Fixtures.promote(slug, mod, "MODERATOR");
        String ada = Fixtures.join(Tokens.ADA, slug, "Ada").getString("memberId");
        String bo = Fixtures.join(Tokens.BO, slug, "Bo").getString("memberId");
        String pia = Fixtures.join(Tokens.PROVIDER, slug, "Pia").getString("memberId");
        Fixtures.promote(slug, pia, "PROVIDER");
        String pal = Fixtures.join(TestUsers.ensure(OTHER_PROVIDER), slug, "Pal").getString("memberId");
        Fixtures.promote(slug, pal, "PROVIDER");
        Fixtures.switchPlugin(slug, "toolbox", true);
        return new ToolboxFixtures(slug, ada, pia, pal, bo, mod);
    }

    public String base() {
        return "/api/communities/" + slug + "/plugins/toolbox";
    }

    /** Creates an item as {@code user} and returns it. */
    public JsonObject create(String user, String kind, String json) {
        Api.Reply r = Api.as(user).post(base() + "/" + kind, json);
        assertEquals(201, r.status(), r::toString);
        return r.object();
    }

    public void share(String owner, String kind, String id, String memberId) {
        Api.Reply r = Api.as(owner).post(base() + "/" + kind + "/" + id + "/shares", "{\"memberId\": " + Api.str(memberId) + "}");
        assertEquals(201, r.status(), r::toString);
    }
}
