package org.kinship.web.live;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.websocket.Encoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kinship.platform.community.CrisisResource;

/**
 * Writes server frames as JSON objects with a {@code type}. Fan-out encodes a frame once and sends the
 * same text to every connection ({@link #text}); absent values are written as explicit nulls, as in
 * the REST API.
 */
public class ServerFrameEncoder implements Encoder.Text<ServerFrame> {
    /**
     * One factory for every frame: {@code JSON.createObjectBuilder()} looks the JSON-P provider up with a
     * ServiceLoader on each call, which cost a few percent of the server's CPU under chat load.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @Override
    public String encode(ServerFrame frame) {
        return text(frame);
    }

    public static String text(ServerFrame frame) {
        return object(frame).toString();
    }

    static JsonObject object(ServerFrame frame) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        if (frame instanceof ServerFrame.Welcome w) {
            b.add("type", "welcome").add("protocol", w.protocol())
                .add("maxFrameChars", w.maxFrameChars()).add("maxBodyChars", w.maxBodyChars());
        } else if (frame instanceof ServerFrame.Joined j) {
            b.add("type", "joined");
            ref(b, j.ref());
            b.add("room", j.room()).add("community", j.community());
            str(b, "name", j.name());
            b.add("kind", j.kind());
            str(b, "with", j.with());
            b.add("lastSeq", j.lastSeq()).add("lastRead", j.lastRead()).add("slowModeSeconds", j.slowModeSeconds())
                    .add("present", strings(j.present()));
        } else if (frame instanceof ServerFrame.Message m) {
            message(b, m);
        } else if (frame instanceof ServerFrame.CaughtUp c) {
            b.add("type", "caught_up");
            ref(b, c.ref());
            b.add("room", c.room()).add("seq", c.seq());
        } else if (frame instanceof ServerFrame.Ack a) {
            b.add("type", "ack");
            ref(b, a.ref());
            b.add("clientId", a.clientId()).add("room", a.room()).add("seq", a.seq()).add("duplicate", a.duplicate());
        } else if (frame instanceof ServerFrame.Edited e) {
            b.add("type", "edited").add("room", e.room()).add("seq", e.seq());
            str(b, "html", e.html());
            str(b, "text", e.text());
            time(b, "editedAt", e.editedAt());
        } else if (frame instanceof ServerFrame.Deleted d) {
            b.add("type", "deleted").add("room", d.room()).add("seq", d.seq())
                .add("byModerator", d.byModerator());
        } else if (frame instanceof ServerFrame.Reaction r) {
            b.add("type", "reaction").add("room", r.room()).add("seq", r.seq())
                .add("reaction", r.reaction()).add("count", r.count()).add("pseudonym", r.pseudonym()).add("on", r.on());
        } else if (frame instanceof ServerFrame.Typing t) {
            b.add("type", "typing").add("room", t.room()).add("pseudonym", t.pseudonym());
        } else if (frame instanceof ServerFrame.Presence p) {
            b.add("type", "presence").add("room", p.room()).add("pseudonym", p.pseudonym())
                .add("here", p.here());
        } else if (frame instanceof ServerFrame.Read r) {
            b.add("type", "read").add("room", r.room()).add("seq", r.seq());
        } else if (frame instanceof ServerFrame.History h) {
            b.add("type", "history");
            ref(b, h.ref());
            JsonArrayBuilder messages = JSON.createArrayBuilder();
            h.messages().forEach(m -> {
                JsonObjectBuilder one = JSON.createObjectBuilder();
                message(one, m);
                messages.add(one);
            });
            b.add("room", h.room()).add("messages", messages).add("lastSeq", h.lastSeq());
        } else if (frame instanceof ServerFrame.Dm d) {
            b.add("type", "dm");
            ref(b, d.ref());
            b.add("room", d.room()).add("community", d.community()).add("with", d.with());
        } else if (frame instanceof ServerFrame.DmNotice n) {
            b.add("type", "dm_notice").add("room", n.room()).add("from", n.from()).add("seq", n.seq());
        } else if (frame instanceof ServerFrame.Crisis c) {
            b.add("type", "crisis");
            ref(b, c.ref());
            b.add("room", c.room()).add("resources", resources(c.resources()));
        } else if (frame instanceof ServerFrame.CrisisAlert a) {
            b.add("type", "crisis_alert").add("community", a.community()).add("room", a.room()).add("roomKind", a.roomKind())
                    .add("pseudonym", a.pseudonym()).add("seq", a.seq());
            str(b, "excerpt", a.excerpt());
        } else if (frame instanceof ServerFrame.Removed r) {
            b.add("type", "removed").add("room", r.room());
        } else if (frame instanceof ServerFrame.SlowMode s) {
            b.add("type", "slow_mode").add("room", s.room()).add("seconds", s.seconds());
        } else if (frame instanceof ServerFrame.Reported r) {
            b.add("type", "reported");
            ref(b, r.ref());
            b.add("room", r.room()).add("seq", r.seq());
        } else if (frame instanceof ServerFrame.Error e) {
            b.add("type", "error");
            ref(b, e.ref());
            b.add("code", e.code()).add("message", e.message());
            if (e.logId() != null) {
                b.add("logId", e.logId());
            }
        } else if (frame instanceof ServerFrame.Pong p) {
            b.add("type", "pong");
            ref(b, p.ref());
        }
        return b.build();
    }

    private static void message(JsonObjectBuilder b, ServerFrame.Message m) {
        b.add("type", "message").add("room", m.room()).add("seq", m.seq());
        str(b, "author", m.author());
        str(b, "clientId", m.clientId());
        str(b, "html", m.html());
        str(b, "text", m.text());
        time(b, "at", m.at());
        time(b, "editedAt", m.editedAt());
        b.add("deleted", m.deleted()).add("deletedByModerator", m.deletedByModerator());
        JsonObjectBuilder reactions = JSON.createObjectBuilder();
        m.reactions().forEach(reactions::add);
        b.add("reactions", reactions);
    }

    private static JsonArrayBuilder resources(List<CrisisResource> list) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (CrisisResource r : list) {
            JsonObjectBuilder one = JSON.createObjectBuilder().add("label", r.label()).add("phone", r.phone());
            str(one, "description", r.description());
            a.add(one);
        }
        return a;
    }

    private static JsonArrayBuilder strings(List<String> list) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        list.forEach(a::add);
        return a;
    }

    private static void ref(JsonObjectBuilder b, String ref) {
        if (ref != null) {
            b.add("ref", ref);
        }
    }

    private static void str(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    private static void time(JsonObjectBuilder b, String name, Instant value) {
        str(b, name, value == null ? null : value.toString());
    }
}
