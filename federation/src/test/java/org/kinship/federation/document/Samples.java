package org.kinship.federation.document;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinship.federation.document.ActivityDocuments.Act;
import org.kinship.federation.document.ActorDocuments.Key;
import org.kinship.federation.document.ActorDocuments.Mailboxes;
import org.kinship.federation.document.ObjectDocuments.Body;
import org.kinship.federation.document.ObjectDocuments.Meetup;
import org.kinship.federation.document.ObjectDocuments.Place;
import org.kinship.federation.document.ObjectDocuments.PostalAddress;
import org.kinship.federation.document.ObjectDocuments.Posting;
import org.kinship.federation.jsonld.ObjectType;

/**
 * One of every document Kinship writes, about one community ("storby") on {@code kinship.example}, with text
 * that is hard to carry: HTML, quotes, backslashes, line breaks, non-Latin letters and an emoji outside the
 * basic plane.
 */
final class Samples {

    static final String HOST = "kinship.example";
    static final URI INSTANCE = uri("/actor");
    static final URI SHARED_INBOX = uri("/inbox");

    static final URI GROUP = uri("/c/storby");
    static final URI GROUP_FOLLOWERS = uri("/c/storby/followers");
    static final URI GROUP_MODERATORS = uri("/c/storby/moderators");
    static final URI MEMBER = uri("/c/storby/m/lys");
    static final URI MODERATOR = uri("/c/storby/m/fjell");

    static final URI THREAD = uri("/c/storby/t/42");
    static final URI THREAD_CONTEXT = uri("/c/storby/t/42/context");
    static final URI REPLY = uri("/c/storby/t/42/r/7");
    static final URI EVENT = uri("/c/storby/meetups/3");

    static final Instant PUBLISHED = Instant.parse("2025-03-01T10:15:30.123456Z");
    static final Instant UPDATED = Instant.parse("2025-03-02T08:00:00Z");

    static final String PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzRjKTNtvDCmugplwEh+g\n"
            + "4wIDAQAB\n-----END PUBLIC KEY-----\n";

    /** HTML with an attribute in quotes, an entity, a backslash, a line break, Norwegian letters and an emoji. */
    static final String HTML = "<p>Velkommen til <a href=\"https://kinship.example/c/storby\">Storby</a> &amp; "
            + "\"kafé\" – ÆØÅ æøå, שלום, 日本語 💚</p>\n<p>C:\\sti\\til og <code>&lt;script&gt;</code></p>";
    static final String MARKDOWN = "Velkommen til [Storby](https://kinship.example/c/storby) & \"kafé\" – ÆØÅ 💚\n\n"
            + "C:\\\\sti\\\\til og `<script>`";
    static final String WARNING = "Omtale av selvskading";

    private Samples() {
    }

    static URI uri(String path) {
        return URI.create("https://" + HOST + path);
    }

    static Mailboxes mailboxes(URI actor) {
        return new Mailboxes(URI.create(actor + "/inbox"), URI.create(actor + "/outbox"),
                URI.create(actor + "/followers"), SHARED_INBOX);
    }

    static Key key(URI actor) {
        return new Key(URI.create(actor + "#main-key"), PEM);
    }

    static ActorDocuments.Group groupRecord() {
        return new ActorDocuments.Group(GROUP, "storby", "Storby – likepersoner 💚", HTML, uri("/c/storby/page"),
                PUBLISHED, mailboxes(GROUP), key(GROUP), GROUP_MODERATORS, false, true);
    }

    static ActorDocuments.Person personRecord() {
        return new ActorDocuments.Person(MEMBER, "lys", "Lys \"i mørket\" ☀", uri("/c/storby/m/lys/page"), PUBLISHED,
                mailboxes(MEMBER), URI.create(MEMBER + "/following"), key(MEMBER));
    }

    static ActorDocuments.Application applicationRecord() {
        return new ActorDocuments.Application(INSTANCE, HOST, "Kinship på kinship.example", "<p>En server</p>",
                uri("/"), PUBLISHED, new Mailboxes(uri("/actor/inbox"), uri("/actor/outbox"), null, SHARED_INBOX),
                key(INSTANCE));
    }

    static Posting threadPosting() {
        return new Posting(THREAD, MEMBER, GROUP, THREAD_CONTEXT, Addressing.publicly(GROUP_FOLLOWERS, GROUP),
                PUBLISHED, UPDATED, uri("/c/storby/t/42/page"));
    }

    static Posting replyPosting() {
        return new Posting(REPLY, MODERATOR, GROUP, THREAD_CONTEXT, Addressing.publicly(GROUP_FOLLOWERS, GROUP),
                PUBLISHED, null, null);
    }

    static Posting eventPosting() {
        return new Posting(EVENT, GROUP, GROUP, null, Addressing.publicly(GROUP_FOLLOWERS), PUBLISHED, UPDATED,
                uri("/c/storby/meetups/3/page"));
    }

    static final Meetup MEETUP = new Meetup("Kafé \"Åpen dør\"", Instant.parse("2025-03-14T17:00:00Z"),
            Instant.parse("2025-03-14T19:30:00Z"), ZoneId.of("Europe/Oslo"),
            new Place("Frivilligsentralen", new PostalAddress("Storgata 1", "0155", "Oslo", null, "Norge")),
            false, 12, 5, "MEETING", false);

    static JsonObject group() {
        return ActorDocuments.group(groupRecord());
    }

    static JsonObject person() {
        return ActorDocuments.person(personRecord());
    }

    static JsonObject application() {
        return ActorDocuments.application(applicationRecord());
    }

    static JsonObject page() {
        return ObjectDocuments.page(threadPosting(), "Hvordan har dere det i dag? «Ærlig» svar 💚",
                new Body(HTML, MARKDOWN, WARNING));
    }

    static JsonObject note() {
        return ObjectDocuments.note(replyPosting(), THREAD, new Body("<p>Takk, bedre nå</p>", "Takk, bedre nå", null));
    }

    static JsonObject event() {
        return ObjectDocuments.event(eventPosting(), MEETUP, new Body("<p>Kaffe og prat</p>", null, null));
    }

    static JsonObject tombstone() {
        return ObjectDocuments.tombstone(REPLY, ObjectType.NOTE, UPDATED);
    }

    static Act act(String path, URI actor, Addressing addressing) {
        return new Act(uri("/activities/" + path), actor, addressing, GROUP, PUBLISHED);
    }

    static JsonObject create() {
        return ActivityDocuments.create(act("create/1", MEMBER, Addressing.publicly(GROUP_FOLLOWERS, GROUP)), page());
    }

    static JsonObject announce() {
        return ActivityDocuments.announce(uri("/activities/announce/1"), GROUP, GROUP_FOLLOWERS, create(), PUBLISHED);
    }

    static JsonObject follow() {
        return ActivityDocuments.follow(new Act(uri("/activities/follow/1"), MEMBER, Addressing.only(GROUP), null,
                null), GROUP);
    }

    /** Every AP document, by a name for messages; each call builds them afresh. */
    static Map<String, JsonObject> all() {
        Map<String, JsonObject> all = new LinkedHashMap<>();
        all.put("Group", group());
        all.put("Person", person());
        all.put("Application", application());
        all.put("Page", page());
        all.put("Note", note());
        all.put("Event", event());
        all.put("Tombstone", tombstone());
        all.put("Create", create());
        all.put("Update", ActivityDocuments.update(act("update/1", MEMBER, Addressing.publicly(GROUP_FOLLOWERS)),
                note()));
        all.put("Delete", ActivityDocuments.delete(act("delete/1", MODERATOR, Addressing.publicly(GROUP)), REPLY));
        all.put("Announce", announce());
        all.put("Follow", follow());
        all.put("Accept", ActivityDocuments.accept(act("accept/1", GROUP, Addressing.only(MEMBER)), follow()));
        all.put("Reject", ActivityDocuments.reject(act("reject/1", GROUP, Addressing.only(MEMBER)), follow()));
        all.put("Undo", ActivityDocuments.undo(act("undo/1", MEMBER, Addressing.only(GROUP)), follow()));
        all.put("Like", ActivityDocuments.like(act("like/1", MEMBER, Addressing.publicly(GROUP)), THREAD));
        all.put("Flag", ActivityDocuments.flag(act("flag/1", MEMBER, Addressing.only(GROUP)), REPLY,
                "Dette er \"trakassering\" <b>igjen</b>"));
        all.put("Block", ActivityDocuments.block(act("block/1", MODERATOR, Addressing.publicly(GROUP)), MEMBER,
                GROUP, "Gjentatt trakassering", Instant.parse("2025-04-01T00:00:00Z")));
        all.put("Lock", ActivityDocuments.lock(act("lock/1", MODERATOR, Addressing.publicly(GROUP)), THREAD,
                "Tråden er ferdig"));
        all.put("Join", ActivityDocuments.join(act("join/1", MEMBER, Addressing.only(GROUP)), EVENT));
        all.put("Leave", ActivityDocuments.leave(act("leave/1", MEMBER, Addressing.only(GROUP)), EVENT));
        all.put("OrderedCollection", CollectionDocuments.ordered(GROUP_FOLLOWERS, 3,
                URI.create(GROUP_FOLLOWERS + "?page=1")));
        all.put("OrderedCollection of ids", CollectionDocuments.orderedOf(GROUP_MODERATORS,
                List.of(MODERATOR, MEMBER)));
        all.put("OrderedCollectionPage", CollectionDocuments.page(URI.create(GROUP_FOLLOWERS + "?page=1"),
                GROUP_FOLLOWERS, List.of(MEMBER, MODERATOR), URI.create(GROUP_FOLLOWERS + "?page=2"), null));
        all.put("OrderedCollectionPage of documents", CollectionDocuments.pageOfDocuments(
                URI.create(GROUP + "/outbox?page=1"), URI.create(GROUP + "/outbox"),
                List.of(announce()), null, null));
        all.put("OrderedCollection of documents", CollectionDocuments.orderedOfDocuments(URI.create(GROUP + "/outbox"),
                List.of(announce())));
        all.put("OrderedCollection context", CollectionDocuments.context(THREAD_CONTEXT, GROUP, 2,
                URI.create(THREAD_CONTEXT + "?page=1")));
        return all;
    }
}
