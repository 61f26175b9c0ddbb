package org.kinship.web.api;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kinship.platform.federation.FederatedOrigins;
import org.kinship.platform.federation.FederatedOrigins.Origin;
import org.kinship.platform.forum.CircleMember;
import org.kinship.platform.forum.ForumAccess;
import org.kinship.platform.forum.ForumService;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.ReactionKind;

/**
 * Writes thread pages and listings, the forum's two most read answers, as JSON bytes without a
 * per-request object mapping. What every reader sees alike is encoded once per cached page and kept
 * with it (see ForumReadModel.SharedPage#renderings); a request adds only its reader's own fields.
 * The output is the JSON of {@link ForumPayloads.ThreadData} and a list of
 * {@link ForumPayloads.ThreadSummary}, which ForumJsonTest checks against JSON-B field by field.
 *
 * <p>Where federated threads and replies come from ({@code "origin"}) is looked up once per cached page or
 * listing, before anything is written (see {@link #origins(ForumService.Listing, FederatedOrigins)}), and is
 * part of what every reader sees alike; a thread written here gets no {@code origin} field at all.
 */
final class ForumJson {
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private ForumJson() {
    }

    /** Who the encoded form of a post is for: readers who are neither its author nor moderators, or moderators. */
    private record PostView(UUID post, boolean moderator) {
    }

    /** The key under which a cached page or listing keeps the origins of what it shows. */
    private enum Cached { ORIGINS }

    /**
     * Where the listed threads come from: one query when the listing is first shown, then kept with the
     * read model's listing. That is correct because a thread's origin is written in the transaction that
     * creates the thread (so any listing that shows the thread finds it) and never changes, and the read
     * model drops the listing whenever a thread of the community changes.
     */
    static Map<UUID, Origin> origins(ForumService.Listing listing, FederatedOrigins origins) {
        if (listing.threads().isEmpty()) {
            return Map.of();
        }
        if (listing.shared() == null) {
            return ask(listing.threads(), List.of(), origins);
        }
        return listing.shared().rendering(Cached.ORIGINS, k -> ask(listing.threads(), List.of(), origins));
    }

    /** Where a thread and the replies on one page of it come from, kept with the read model's page likewise. */
    static Map<UUID, Origin> origins(ForumService.ThreadPage page, FederatedOrigins origins) {
        return page.shared().rendering(Cached.ORIGINS, k -> ask(List.of(page.thread()), page.posts(), origins));
    }

    private static Map<UUID, Origin> ask(List<ForumThread> threads, List<Post> posts, FederatedOrigins origins) {
        List<UUID> ids = new ArrayList<>(threads.size() + posts.size());
        threads.forEach(t -> ids.add(t.id()));
        posts.forEach(p -> ids.add(p.id()));
        return origins.of(threads.get(0).community(), ids);
    }

    /** Writes straight to the response: a 40 KB page is not copied into a byte array first. */
    static void threadPage(ForumService.ThreadPage page, Map<UUID, Origin> origins, int nextSeq, boolean hasMore,
                           OutputStream out) throws IOException {
        write(out, "{\"thread\":");
        ForumThread t = page.thread();
        out.write(summary(t, page.pseudonyms(), origins.get(t.id()), page.reader(), t.postCount() - 1 - page.lastRead()));
        write(out, ",\"posts\":[");
        boolean first = true;
        for (Post p : page.posts()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            boolean own = p.isAuthor(page.reader().id());
            Origin from = origins.get(p.id());
            byte[] shared = own ? post(p, page, from, true)
                    : page.shared().rendering(new PostView(p.id(), page.reader().moderator()), k -> post(p, page, from, false));
            out.write(shared);
            write(out, ",\"myReactions\":");
            out.write(myReactions(p, page));
            out.write('}');
        }
        write(out, "],\"nextSeq\":" + nextSeq + ",\"hasMore\":" + hasMore + ",\"lastRead\":" + page.lastRead() + ",\"circle\":");
        out.write(circle(page));
        out.write('}');
    }

    static void listing(ForumService.Listing listing, Map<UUID, Origin> origins, OutputStream out) throws IOException {
        out.write('[');
        boolean first = true;
        for (ForumThread t : listing.threads()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            int unread = Math.max(0, listing.unread(t));
            if (listing.shared() == null) {
                out.write(summary(t, listing.pseudonyms(), origins.get(t.id()), listing.reader(), unread));
            } else {
                byte[] head = listing.shared().rendering(t.id(), k -> summaryHead(t, listing.pseudonyms(), origins.get(t.id())));
                out.write(head);
                out.write(summaryTail(t, listing.reader(), unread));
            }
        }
        out.write(']');
    }

    /** A post without its closing brace and without "myReactions", which the caller appends. */
    private static byte[] post(Post p, ForumService.ThreadPage page, Origin origin, boolean own) {
        boolean words = page.showWords(p);
        var out = new ByteArrayOutputStream(1_200);
        try (JsonGenerator g = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            g.writeStartObject()
                    .write("id", p.id().toString())
                    .write("seq", p.seq());
            string(g, "author", page.pseudonyms().get(p.author().value()));
            g.write("authorId", p.author().toString());
            string(g, "inReplyTo", p.inReplyTo() == null ? null : p.inReplyTo().toString());
            g.write("state", state(p, words));
            string(g, "contentWarning", words ? p.contentWarning() : null);
            string(g, "html", words ? p.bodyHtml() : null);
            string(g, "source", own ? p.bodySource() : null);
            instant(g, "createdAt", p.createdAt());
            instant(g, "editedAt", p.editedAt());
            g.writeStartObject("reactions");
            page.reactions().getOrDefault(p.id(), Map.of()).forEach((k, v) -> g.write(k.name(), v));
            g.writeEnd();
            g.write("crisisFlag", page.reader().moderator() && p.crisisFlag());
            origin(g, origin);
            g.writeEnd();
        }
        return withoutClosingBrace(out);
    }

    static String state(Post p, boolean words) {
        if (p.deleted()) {
            return "DELETED";
        }
        if (p.hidden()) {
            return words ? "HIDDEN_VISIBLE_TO_YOU" : "HIDDEN";
        }
        return "VISIBLE";
    }

    private static byte[] myReactions(Post p, ForumService.ThreadPage page) {
        if (page.mine().isEmpty()) {
            return "[]".getBytes(StandardCharsets.US_ASCII);
        }
        StringBuilder mine = new StringBuilder("[");
        for (ReactionKind k : ReactionKind.values()) {
            if (page.mine().contains(p.id() + "/" + k)) {
                mine.append(mine.length() > 1 ? "," : "").append('"').append(k.name()).append('"');
            }
        }
        return mine.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] circle(ForumService.ThreadPage page) {
        List<CircleMember> circle = page.circle();
        var out = new ByteArrayOutputStream(64 + circle.size() * 100);
        try (JsonGenerator g = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            g.writeStartArray();
            for (CircleMember c : circle) {
                g.writeStartObject().write("memberId", c.member().toString());
                string(g, "pseudonym", page.pseudonyms().get(c.member().value()));
                g.write("status", c.status().name()).writeEnd();
            }
            g.writeEnd();
        }
        return out.toByteArray();
    }

    private static byte[] summary(ForumThread t, Map<UUID, String> pseudonyms, Origin origin, ForumAccess.Reader reader,
                                  int unread) {
        byte[] head = summaryHead(t, pseudonyms, origin);
        byte[] tail = summaryTail(t, reader, unread);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The reader's own part of a summary, and its closing brace: whether they are told of a request, their unread count. */
    private static byte[] summaryTail(ForumThread t, ForumAccess.Reader reader, int unread) {
        return (",\"sharing\":{\"shared\":" + t.isShared() + ",\"requested\":" + ForumService.seesShareRequest(reader, t)
                + "},\"unread\":" + Math.max(0, unread) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** What every reader of a listing sees alike, without the closing brace. */
    private static byte[] summaryHead(ForumThread t, Map<UUID, String> pseudonyms, Origin origin) {
        var out = new ByteArrayOutputStream(400);
        try (JsonGenerator g = JSON.createGenerator(out, StandardCharsets.UTF_8)) {
            g.writeStartObject().write("id", t.id().toString());
            string(g, "categoryId", t.categoryId() == null ? null : t.categoryId().toString());
            g.write("visibility", t.visibility().name());
            string(g, "title", t.title());
            string(g, "author", pseudonyms.get(t.author().value()));
            g.write("pinned", t.pinned())
                    .write("locked", t.locked())
                    .write("hidden", t.hidden())
                    .write("needsWelcome", t.needsWelcome())
                    .write("replyCount", t.replyCount());
            instant(g, "createdAt", t.createdAt());
            instant(g, "lastActivityAt", t.lastActivityAt());
            origin(g, origin);
            g.writeEnd();
        }
        return withoutClosingBrace(out);
    }

    /** {@code "origin": {"handle", "url"}} for what came from elsewhere (ForumPayloads.OriginData); nothing otherwise. */
    private static void origin(JsonGenerator g, Origin origin) {
        if (origin == null) {
            return;
        }
        g.writeStartObject("origin").write("handle", origin.handle());
        if (origin.url() != null) {
            g.write("url", origin.url().toString());
        }
        g.writeEnd();
    }

    private static void string(JsonGenerator g, String name, String value) {
        if (value == null) {
            g.writeNull(name);
        } else {
            g.write(name, value);
        }
    }

    /** The same text JSON-B writes for an Instant: ISO-8601 in UTC. */
    private static void instant(JsonGenerator g, String name, Instant value) {
        string(g, name, value == null ? null : value.toString());
    }

    private static byte[] withoutClosingBrace(ByteArrayOutputStream out) {
        byte[] all = out.toByteArray();
        if (all.length == 0 || all[all.length - 1] != '}') {
            throw new IllegalStateException("not a JSON object");
        }
        byte[] open = new byte[all.length - 1];
        System.arraycopy(all, 0, open, 0, open.length);
        return open;
    }

    private static void write(OutputStream out, String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
