package org.kinship.federation.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinship.federation.document.Discovery.NodeInfoVersion;
import org.kinship.federation.document.Discovery.Usage;

/** WebFinger and NodeInfo, read back from their bytes as a peer would. */
class DiscoveryTest {

    @Test
    void webFingerNamesTheActorAndItsPage() {
        JsonObject jrd = reparse(Discovery.webFinger("storby", Samples.HOST, Samples.GROUP,
                Samples.uri("/c/storby/page")));
        assertEquals("acct:storby@kinship.example", jrd.getString("subject"));
        assertEquals(List.of(Samples.GROUP.toString(), Samples.uri("/c/storby/page").toString()),
                jrd.getJsonArray("aliases").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        JsonObject self = jrd.getJsonArray("links").getJsonObject(0);
        assertEquals("self", self.getString("rel"));
        assertEquals("application/activity+json", self.getString("type"));
        assertEquals(Samples.GROUP.toString(), self.getString("href"));
        JsonObject page = jrd.getJsonArray("links").getJsonObject(1);
        assertEquals("http://webfinger.net/rel/profile-page", page.getString("rel"));
        assertEquals("text/html", page.getString("type"));
        assertFalse(jrd.containsKey("@context"), "JRD is not JSON-LD");

        JsonObject bare = Discovery.webFinger("lys", Samples.HOST, Samples.MEMBER, null);
        assertEquals(1, bare.getJsonArray("links").size(), "no profile page, no link to one");
    }

    @Test
    void nodeInfoLinksPointToBothVersionsAndTheInstanceActor() {
        JsonObject links = reparse(Discovery.nodeInfoLinks(Samples.uri("/nodeinfo/2.1"), Samples.uri("/nodeinfo/2.0"),
                Samples.INSTANCE));
        assertEquals(3, links.getJsonArray("links").size());
        assertEquals("http://nodeinfo.diaspora.software/ns/schema/2.1",
                links.getJsonArray("links").getJsonObject(0).getString("rel"));
        assertEquals("http://nodeinfo.diaspora.software/ns/schema/2.0",
                links.getJsonArray("links").getJsonObject(1).getString("rel"));
        JsonObject application = links.getJsonArray("links").getJsonObject(2);
        assertEquals("https://www.w3.org/ns/activitystreams#Application", application.getString("rel"), "FEP-2677");
        assertEquals(Samples.INSTANCE.toString(), application.getString("href"));
    }

    @Test
    void nodeInfoFollowsTheSchema() {
        for (NodeInfoVersion version : NodeInfoVersion.values()) {
            JsonObject info = reparse(Discovery.nodeInfo(version, "0.1.0", new Usage(120L, 30L, 80L, 4000L), false));
            assertEquals(version.number(), info.getString("version"));
            assertEquals("kinship", info.getJsonObject("software").getString("name"));
            assertTrue(info.getJsonObject("software").getString("name").matches("[a-z0-9-]+"), "schema pattern");
            assertEquals("0.1.0", info.getJsonObject("software").getString("version"));
            assertEquals("activitypub", info.getJsonArray("protocols").getString(0));
            assertTrue(info.getJsonObject("services").getJsonArray("inbound").isEmpty(), "required, empty");
            assertTrue(info.getJsonObject("services").getJsonArray("outbound").isEmpty(), "required, empty");
            assertFalse(info.getBoolean("openRegistrations"));
            JsonObject users = info.getJsonObject("usage").getJsonObject("users");
            assertEquals(120, users.getInt("total"));
            assertEquals(30, users.getInt("activeMonth"));
            assertEquals(80, users.getInt("activeHalfyear"));
            assertEquals(4000, info.getJsonObject("usage").getInt("localPosts"));
            assertTrue(info.getJsonObject("metadata").isEmpty());
        }
    }

    @Test
    void usageFiguresCanBeWithheld() {
        JsonObject info = Discovery.nodeInfo(NodeInfoVersion.V2_1, "0.1.0", new Usage(null, null, null, null), true);
        assertTrue(info.getJsonObject("usage").getJsonObject("users").isEmpty(), "users is required, its figures not");
        assertFalse(info.getJsonObject("usage").containsKey("localPosts"));
    }

    private static JsonObject reparse(JsonObject document) {
        return Fields.JSON.createReader(new ByteArrayInputStream(JsonBytes.write(document))).readObject();
    }
}
