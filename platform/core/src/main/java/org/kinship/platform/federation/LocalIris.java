package org.kinship.platform.federation;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kinship.platform.community.MemberId;

/**
 * The ActivityPub ids of local things, all under the configured public URL ({@code kinship.public-url},
 * https in production) and the path {@code /ap/}: the instance actor, each community's Group, each
 * membership's Person, threads (Page), posts (Note), meetups (Event) and activities. Ids never change once
 * published, so they are made of stable ids (a community's slug, which cannot be changed, or a UUID).
 */
public final class LocalIris {
    private static final Pattern LOCAL_PATH = Pattern.compile(
            "/ap/(communities|members|threads|posts|meetups|activities)/([a-z0-9-]{1,40})(/[a-z]+)?");

    private final String base;
    private final URI baseUri;

    public LocalIris(String publicUrl) {
        String trimmed = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.base = trimmed;
        this.baseUri = URI.create(trimmed);
    }

    /** From the server's configuration (the system property WildFly sets from KINSHIP_PUBLIC_URL). */
    public static LocalIris configured() {
        return new LocalIris(System.getProperty("kinship.public-url", "http://localhost:8080"));
    }

    public String base() {
        return base;
    }

    /**
     * What a request to this server was for, as its sender signed it ({@code (request-target)}, {@code @target-uri}):
     * our public URL with the path and query exactly as sent. {@code query} null: the request had none.
     */
    public URI requestTarget(String rawPath, String query) {
        return URI.create(base + rawPath + (query == null ? "" : "?" + query));
    }

    /**
     * The domain in handles ({@code acct:slug@domain}): the public host, with the port only when the public
     * URL has a non-default one (tests on loopback). Production has none: handles carry no port.
     */
    public String handleDomain() {
        int port = baseUri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(baseUri.getScheme()) && port == 443)
                || ("http".equals(baseUri.getScheme()) && port == 80);
        return defaultPort ? baseUri.getHost() : baseUri.getHost() + ":" + port;
    }

    public String host() {
        return baseUri.getHost();
    }

    public boolean isLocal(URI iri) {
        return iri != null && iri.toString().startsWith(base + "/");
    }

    public URI instance() {
        return URI.create(base + "/ap/actor");
    }

    public URI sharedInbox() {
        return URI.create(base + "/ap/inbox");
    }

    public URI group(String slug) {
        return URI.create(base + "/ap/communities/" + slug);
    }

    public URI groupPart(String slug, String part) {
        return URI.create(base + "/ap/communities/" + slug + "/" + part);
    }

    public URI member(MemberId member) {
        return URI.create(base + "/ap/members/" + member.value());
    }

    public URI memberPart(MemberId member, String part) {
        return URI.create(base + "/ap/members/" + member.value() + "/" + part);
    }

    /** A member's preferredUsername: opaque (their pseudonym is the display name), never a community slug. */
    public static String memberUsername(MemberId member) {
        return "m_" + member.value().toString().replace("-", "");
    }

    public static Optional<MemberId> memberFromUsername(String username) {
        if (username == null || !username.matches("m_[0-9a-f]{32}")) {
            return Optional.empty();
        }
        String hex = username.substring(2);
        return Optional.of(new MemberId(UUID.fromString(hex.replaceFirst(
                "(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"))));
    }

    public URI keyId(URI actor) {
        return URI.create(actor + "#main-key");
    }

    public URI thread(UUID thread) {
        return URI.create(base + "/ap/threads/" + thread);
    }

    /** The FEP-7888 context of a thread: the collection its posts belong to. */
    public URI threadContext(UUID thread) {
        return URI.create(base + "/ap/threads/" + thread + "/context");
    }

    public URI post(UUID post) {
        return URI.create(base + "/ap/posts/" + post);
    }

    public URI meetup(UUID meetup) {
        return URI.create(base + "/ap/meetups/" + meetup);
    }

    public URI activity(UUID activity) {
        return URI.create(base + "/ap/activities/" + activity);
    }

    /** Where people read a thread in the web client. */
    public URI threadPage(String slug, UUID thread) {
        return URI.create(base + "/c/" + slug + "/forum/t/" + thread);
    }

    public URI communityPage(String slug) {
        return URI.create(base + "/c/" + slug);
    }

    /** What a local id names: its kind (communities, members, threads, ...), its key and an optional part. */
    public record Named(String kind, String key, Optional<String> part) {
        public Optional<UUID> uuid() {
            try {
                return Optional.of(UUID.fromString(key));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public Optional<Named> parse(URI iri) {
        if (!isLocal(iri)) {
            return Optional.empty();
        }
        return parsePath(iri.getRawPath());
    }

    public static Optional<Named> parsePath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = LOCAL_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Named(m.group(1), m.group(2), Optional.ofNullable(m.group(3)).map(p -> p.substring(1))));
    }
}
