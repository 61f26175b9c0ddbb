package org.kinship.federation.document;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The activities Kinship sends. Each method names what it does and takes what that activity needs: an object
 * by IRI where peers send an IRI (Like, Delete, Follow, Flag ...), embedded where they embed it (Create,
 * Update, Undo, Accept, Reject, Announce).
 *
 * <p>An embedded document that carries Kinship's own {@code @context} loses it (the outer one says the same);
 * one with any other {@code @context} keeps it. An Announce embeds its activity exactly as given, since
 * FEP-1b12 requires the group to forward what it received unchanged.
 */
public final class ActivityDocuments {

    private ActivityDocuments() {
    }

    /**
     * What every activity has.
     *
     * @param id         the activity's own id
     * @param actor      who does it
     * @param addressing recipients, as the caller decided
     * @param audience   the community it happens in (FEP-1b12), or {@code null}
     * @param published  when, or {@code null}
     */
    public record Act(URI id, URI actor, Addressing addressing, URI audience, Instant published) {
        public Act {
            Fields.httpId(id, "id");
            Fields.httpId(actor, "actor");
            Objects.requireNonNull(addressing, "addressing");
            Fields.optionalHttpId(audience, "audience");
        }
    }

    /** Publishes a new object (a Page, a Note, an Event). */
    public static JsonObject create(Act act, JsonObject object) {
        return head("Create", act).object("object", embedded(object)).build();
    }

    /** Publishes a new version of an object, embedded whole. */
    public static JsonObject update(Act act, JsonObject object) {
        return head("Update", act).object("object", embedded(object)).build();
    }

    /** Deletes an object, named by its id (as Lemmy and Mbin send it). */
    public static JsonObject delete(Act act, URI object) {
        return head("Delete", act).iri("object", Fields.httpId(object, "object")).build();
    }

    /** Takes back an earlier activity of the same actor (a Like, a Follow, a Block, a Lock), embedded. */
    public static JsonObject undo(Act act, JsonObject activity) {
        return head("Undo", act).object("object", embedded(activity)).build();
    }

    public static JsonObject like(Act act, URI object) {
        return head("Like", act).iri("object", Fields.httpId(object, "object")).build();
    }

    /** Asks to follow an actor (typically a remote community). */
    public static JsonObject follow(Act act, URI object) {
        return head("Follow", act).iri("object", Fields.httpId(object, "object")).build();
    }

    /** Accepts a Follow, which is embedded as Lemmy and Mbin do (some peers match the Follow's id only). */
    public static JsonObject accept(Act act, JsonObject follow) {
        return head("Accept", act).object("object", embedded(follow)).build();
    }

    /** Refuses a Follow (or another request), embedded. */
    public static JsonObject reject(Act act, JsonObject follow) {
        return head("Reject", act).object("object", embedded(follow)).build();
    }

    /**
     * Reports an object to the moderators of its origin. The reason is written as {@code summary} (what Lemmy
     * reads) and as {@code content} (what Mastodon and Mbin read).
     */
    public static JsonObject flag(Act act, URI object, String reason) {
        return head("Flag", act).iri("object", Fields.httpId(object, "object"))
                .text("summary", reason)
                .text("content", reason)
                .build();
    }

    /**
     * Bans an actor from a community.
     *
     * @param blocked the actor banned
     * @param group   the community the ban applies to ({@code target})
     * @param reason  why, or {@code null}
     * @param expires when the ban ends ({@code endTime}, as Lemmy writes it), or {@code null} for no end
     */
    public static JsonObject block(Act act, URI blocked, URI group, String reason, Instant expires) {
        return head("Block", act).iri("object", Fields.httpId(blocked, "blocked"))
                .iri("target", Fields.httpId(group, "group"))
                .text("summary", reason)
                .time("endTime", expires)
                .build();
    }

    /** Locks a thread against new replies (FEP-1b12 as Lemmy and Mbin use it); undone with {@link #undo}. */
    public static JsonObject lock(Act act, URI thread, String reason) {
        return head("Lock", act).iri("object", Fields.httpId(thread, "thread")).text("summary", reason).build();
    }

    /** Takes part in a meetup (Mobilizon). */
    public static JsonObject join(Act act, URI event) {
        return head("Join", act).iri("object", Fields.httpId(event, "event")).build();
    }

    /** Stops taking part in a meetup. */
    public static JsonObject leave(Act act, URI event) {
        return head("Leave", act).iri("object", Fields.httpId(event, "event")).build();
    }

    /**
     * The group forwards an activity to its followers (FEP-1b12): the activity is embedded unchanged, the
     * Announce is public and goes to the group's followers, and its audience is the group.
     */
    public static JsonObject announce(URI id, URI group, URI groupFollowers, JsonObject activity, Instant published) {
        Objects.requireNonNull(activity, "activity");
        Act act = new Act(id, group, Addressing.publicly(Fields.httpId(groupFollowers, "groupFollowers")), group,
                published);
        return head("Announce", act).object("object", activity).build();
    }

    // --- shape ----------------------------------------------------------------------------------------------

    /** What every activity starts with; the object and the rest follow. */
    private static Fields head(String type, Act act) {
        return Fields.document(act.id(), type)
                .iri("actor", act.actor())
                .iris("to", act.addressing().to())
                .iris("cc", act.addressing().cc())
                .iri("audience", act.audience())
                .time("published", act.published());
    }

    /** An embedded document without a repeat of our own {@code @context}; a foreign one keeps its own. */
    static JsonObject embedded(JsonObject document) {
        Objects.requireNonNull(document, "object");
        if (!Contexts.isOwn(document)) {
            return document;
        }
        return Fields.JSON.createObjectBuilder(document).remove("@context").build();
    }
}
