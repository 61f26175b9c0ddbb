package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

/** What the federation tests do as a community admin and as an anonymous peer, written once. */
public final class Federating {
    private Federating() {
    }

    /** The community's federation settings (admin API). */
    public static String settings(String slug) {
        return "/api/communities/" + slug + "/federation";
    }

    /** Sets the community's federation mode as its admin, and checks that it took. */
    public static void mode(String slug, String mode) {
        Api.Reply r = Api.as(Tokens.COMMUNITY_ADMIN).put(settings(slug) + "/mode", "{\"mode\": " + Api.str(mode) + "}");
        assertEquals(200, r.status(), r::toString);
        assertEquals(mode, r.object().getString("mode"));
    }

    /** An unsigned GET of an ActivityPub document of ours, as an open peer (or anyone) makes it. */
    public static Api.Reply activityGet(String url) {
        return Api.anonymous().send(Api.anonymous().builder(url.substring(Api.baseUrl().length()))
                .header("Accept", "application/activity+json").GET());
    }

    /** The community's Group actor. */
    public static URI groupId(String slug) {
        return URI.create(Api.baseUrl() + "/ap/communities/" + slug);
    }
}
