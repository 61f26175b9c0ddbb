package org.kinship.federation.document;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Objects;

/**
 * How other servers find Kinship's actors and learn what the server is: WebFinger (RFC 7033) for
 * {@code @name@host} handles, and NodeInfo 2.0/2.1 with the FEP-2677 link to the instance's {@code Application}
 * actor. These are plain JSON (JRD and NodeInfo schemas), not JSON-LD: no {@code @context}.
 */
public final class Discovery {

    /** The media type of a WebFinger answer. */
    public static final String JRD_JSON = "application/jrd+json";
    public static final String PROFILE_PAGE_REL = "http://webfinger.net/rel/profile-page";
    /** FEP-2677: the link relation that names the instance actor in {@code /.well-known/nodeinfo}. */
    public static final String APPLICATION_ACTOR_REL = "https://www.w3.org/ns/activitystreams#Application";
    /** NodeInfo's software name: the schema allows lower-case letters, digits and hyphens only. */
    public static final String SOFTWARE_NAME = "kinship";

    /** The NodeInfo schema versions Kinship serves; peers pick the newest they know from the links document. */
    public enum NodeInfoVersion {
        V2_0("2.0"), V2_1("2.1");

        private final String number;

        NodeInfoVersion(String number) {
            this.number = number;
        }

        /** {@code 2.1} */
        public String number() {
            return number;
        }

        /** The link relation that names this schema in {@code /.well-known/nodeinfo}. */
        public String rel() {
            return "http://nodeinfo.diaspora.software/ns/schema/" + number;
        }
    }

    /**
     * NodeInfo's usage figures. Each may be {@code null} to leave it out: a small community may prefer not to
     * tell the world it has four members.
     */
    public record Usage(Long usersTotal, Long usersActiveMonth, Long usersActiveHalfyear, Long localPosts) {
        public Usage {
            for (Long n : new Long[] {usersTotal, usersActiveMonth, usersActiveHalfyear, localPosts}) {
                if (n != null && n < 0) {
                    throw new IllegalArgumentException("usage figures cannot be negative");
                }
            }
        }
    }

    private Discovery() {
    }

    /**
     * The answer to {@code /.well-known/webfinger?resource=acct:username@host}.
     *
     * @param host        the host as in the handle, without a port (peers build handles without one)
     * @param actor       the actor's id ({@code rel=self})
     * @param profilePage the page people see, or {@code null}
     */
    public static JsonObject webFinger(String username, String host, URI actor, URI profilePage) {
        Fields.nonBlank(username, "username");
        Fields.nonBlank(host, "host");
        if (username.indexOf('@') >= 0 || host.indexOf('@') >= 0) {
            throw new IllegalArgumentException("username and host are given apart, without '@'");
        }
        Fields.httpId(actor, "actor");
        Fields.optionalHttpId(profilePage, "profilePage");

        JsonArrayBuilder aliases = Fields.JSON.createArrayBuilder().add(actor.toString());
        JsonArrayBuilder links = Fields.JSON.createArrayBuilder()
                .add(link("self", Contexts.ACTIVITY_JSON, actor));
        if (profilePage != null && !profilePage.equals(actor)) {
            aliases.add(profilePage.toString());
            links.add(link(PROFILE_PAGE_REL, "text/html", profilePage));
        }
        return Fields.JSON.createObjectBuilder()
                .add("subject", "acct:" + username + "@" + host)
                .add("aliases", aliases)
                .add("links", links)
                .build();
    }

    /**
     * The document at {@code /.well-known/nodeinfo}.
     *
     * @param nodeInfo21       where the 2.1 document is
     * @param nodeInfo20       where the 2.0 document is, or {@code null}
     * @param applicationActor the instance actor (FEP-2677), or {@code null}
     */
    public static JsonObject nodeInfoLinks(URI nodeInfo21, URI nodeInfo20, URI applicationActor) {
        JsonArrayBuilder links = Fields.JSON.createArrayBuilder()
                .add(link(NodeInfoVersion.V2_1.rel(), null, Fields.httpId(nodeInfo21, "nodeInfo21")));
        if (nodeInfo20 != null) {
            links.add(link(NodeInfoVersion.V2_0.rel(), null, Fields.httpId(nodeInfo20, "nodeInfo20")));
        }
        if (applicationActor != null) {
            links.add(link(APPLICATION_ACTOR_REL, null, Fields.httpId(applicationActor, "applicationActor")));
        }
        return Fields.JSON.createObjectBuilder().add("links", links).build();
    }

    /**
     * A NodeInfo document. {@code services} and {@code metadata} are written empty because both schemas
     * require them.
     *
     * @param softwareVersion Kinship's version
     */
    public static JsonObject nodeInfo(NodeInfoVersion version, String softwareVersion, Usage usage,
            boolean openRegistrations) {
        Objects.requireNonNull(version, "version");
        Fields.nonBlank(softwareVersion, "softwareVersion");
        Objects.requireNonNull(usage, "usage");

        JsonObjectBuilder users = Fields.JSON.createObjectBuilder();
        putIfPresent(users, "total", usage.usersTotal());
        putIfPresent(users, "activeHalfyear", usage.usersActiveHalfyear());
        putIfPresent(users, "activeMonth", usage.usersActiveMonth());
        JsonObjectBuilder usageJson = Fields.JSON.createObjectBuilder().add("users", users);
        putIfPresent(usageJson, "localPosts", usage.localPosts());

        return Fields.JSON.createObjectBuilder()
                .add("version", version.number())
                .add("software", Fields.JSON.createObjectBuilder()
                        .add("name", SOFTWARE_NAME)
                        .add("version", softwareVersion))
                .add("protocols", Fields.JSON.createArrayBuilder().add("activitypub"))
                .add("services", Fields.JSON.createObjectBuilder()
                        .add("inbound", Fields.JSON.createArrayBuilder())
                        .add("outbound", Fields.JSON.createArrayBuilder()))
                .add("openRegistrations", openRegistrations)
                .add("usage", usageJson)
                .add("metadata", Fields.JSON.createObjectBuilder())
                .build();
    }

    private static JsonObject link(String rel, String type, URI href) {
        JsonObjectBuilder link = Fields.JSON.createObjectBuilder().add("rel", rel);
        if (type != null) {
            link.add("type", type);
        }
        return link.add("href", href.toString()).build();
    }

    private static void putIfPresent(JsonObjectBuilder builder, String key, Long value) {
        if (value != null) {
            builder.add(key, value.longValue());
        }
    }
}
