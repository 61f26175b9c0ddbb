package org.kinship.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;

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

    /** A reader on {@code server} follows the community's Group; returns once the Group's Accept arrived. */
    public static FakePeer.Actor followedBy(FakePeer server, String slug) {
        FakePeer.Actor reader = server.actor("reader", "Person");
        JsonObject follow = Json.createObjectBuilder().add("@context", "https://www.w3.org/ns/activitystreams")
                .add("id", server.newId("follows")).add("type", "Follow").add("actor", reader.id().toString())
                .add("object", groupId(slug).toString()).build();
        assertEquals(202, server.post(URI.create(groupId(slug) + "/inbox"), follow, reader).statusCode());
        server.await(x -> x.type().equals("Accept"), Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no Accept"));
        return reader;
    }

    /** The community's admin follows a Group on {@code server}; returns once the Follow reached it. */
    public static void follows(String slug, FakePeer server, FakePeer.Actor group) {
        Api.Reply following = Api.as(Tokens.COMMUNITY_ADMIN).post(settings(slug) + "/following",
                "{\"target\": " + Api.str(group.id().toString()) + "}");
        assertEquals(200, following.status(), following::toString);
        server.await(x -> x.path().equals(group.inbox().getPath()) && x.type().equals("Follow"), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no Follow: " + server.received()));
    }
}
