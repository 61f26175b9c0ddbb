package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.it.support.Federating.mode;
import static org.kinship.it.support.Federating.settings;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.FakePeer;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.ForumFixtures;
import org.kinship.it.support.Tokens;

/**
 * Authorized fetch: a community in allow-list mode shares with the servers it chose, so reading its Group,
 * members, shared threads and their context needs a GET signed by an actor of such a server (as Kinship's own
 * fetches are, in the server's name). Unsigned or badly signed: 401; signed from elsewhere: 403; each with the
 * error shape. An open community answers anyone; a browser still gets the web page's address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizedFetchIT {
    @RegisterExtension
    static final FakePeer chosen = FakePeer.forTheClass("127.0.0.1");
    @RegisterExtension
    static final FakePeer stranger = FakePeer.forTheClass("127.0.0.2");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static Api.Reply unsigned(URI url, String accept) {
        return Api.anonymous().send(Api.anonymous().builder(url.toString().substring(Api.baseUrl().length()))
                .setHeader("Accept", accept).GET());
    }

    private static void assertRefused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r::body);
        JsonObject error = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals(code, error.getString("error"), r::body);
        assertFalse(error.getString("message").isBlank());
    }

    @Test
    void anAllowListCommunityIsReadOnlyByTheServersItChose() {
        ForumFixtures f = ForumFixtures.create("fetch-auth");
        mode(f.slug, "open");
        String threadId = f.thread(Tokens.ADA, "Walks by the river", "Tuesdays at ten.").getString("threadId");
        assertEquals(200, Api.as(Tokens.ADA).put(f.forum() + "/threads/" + threadId + "/sharing", "{\"shared\": true}").status());
        URI group = URI.create(Api.baseUrl() + "/ap/communities/" + f.slug);
        URI thread = URI.create(Api.baseUrl() + "/ap/threads/" + threadId);
        URI context = URI.create(thread + "/context");

        // Open: anyone may read, signed or not.
        assertEquals(200, unsigned(group, "application/activity+json").status());
        assertEquals(200, unsigned(thread, "application/activity+json").status());

        mode(f.slug, "allow_list");
        Api.Reply added = Api.as(Tokens.COMMUNITY_ADMIN).post(settings(f.slug) + "/allowed",
                "{\"target\": " + Api.str(chosen.host()) + "}");
        assertEquals(200, added.status(), added::toString);

        for (URI url : new URI[] {group, thread, context}) {
            Api.Reply r = unsigned(url, "application/activity+json");
            assertEquals(401, r.status(), url + " -> " + r);
            assertEquals("signature_missing", r.object().getString("error"));
        }

        FakePeer.Actor ours = chosen.actor("reader-" + f.slug, "Person");
        HttpResponse<String> read = chosen.get(thread, ours);
        assertEquals(200, read.statusCode(), read::body);
        assertTrue(read.body().contains("Walks by the river"), read::body);
        assertEquals(200, chosen.get(group, ours).statusCode());
        assertEquals(200, chosen.get(context, ours).statusCode());

        FakePeer.Actor theirs = stranger.actor("reader-" + f.slug, "Person");
        assertRefused(403, "not_allowed", stranger.get(thread, theirs));
        // A signature made for another document does not open this one.
        HttpResponse<String> wrongTarget = FakePeer.sendGet(thread, chosen.signedGetHeaders(group, ours));
        assertEquals(401, wrongTarget.statusCode(), wrongTarget::body);

        // A person's browser following the thread's link is sent to the web page, which asks them to sign in.
        Api.Reply browser = unsigned(thread, "text/html");
        assertEquals(303, browser.status(), browser::toString);

        // The keys that signed what this server sent are stored encrypted (the ITs give it a key secret).
        assertEquals(0, Postgres.count("select count(*) from actor_key where private_pem not like ?", "kinship-aesgcm-v1:%"),
                "no private key in the clear");
        assertTrue(Postgres.count("select count(*) from actor_key") > 0);

        // Blocking the chosen server closes it again.
        assertEquals(200, Api.as(Tokens.COMMUNITY_ADMIN).post(settings(f.slug) + "/blocked",
                "{\"target\": " + Api.str(chosen.host()) + "}").status());
        assertRefused(403, "not_allowed", chosen.get(thread, ours));
    }
}
