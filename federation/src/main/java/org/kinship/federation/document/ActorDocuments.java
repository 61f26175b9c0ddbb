package org.kinship.federation.document;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The actors Kinship publishes: a community's {@code Group} (FEP-1b12, shaped like Lemmy's so Lemmy, Mbin and
 * NodeBB follow it), a member's {@code Person} inside one community, and the instance's {@code Application}
 * (FEP-2677, the actor that signs instance-level fetches).
 *
 * <p>A member's actor carries their pseudonym in that community and nothing else about them: the record has
 * no field for a bio, an avatar or another community, so none can leak through it.
 */
public final class ActorDocuments {

    private ActorDocuments() {
    }

    /**
     * Where an actor receives and publishes.
     *
     * @param inbox       required
     * @param outbox      required
     * @param followers   the followers collection; required for a Group and a Person
     * @param sharedInbox the instance's shared inbox ({@code endpoints.sharedInbox}), or {@code null}
     */
    public record Mailboxes(URI inbox, URI outbox, URI followers, URI sharedInbox) {
        public Mailboxes {
            Fields.httpId(inbox, "inbox");
            Fields.httpId(outbox, "outbox");
            Fields.optionalHttpId(followers, "followers");
            Fields.optionalHttpId(sharedInbox, "sharedInbox");
        }
    }

    /**
     * The actor's signing key. Its owner is always the actor it is published on: peers refuse a key whose
     * owner is another actor, so the owner is not a choice.
     *
     * @param id           the key id peers see in signatures ({@code https://host/c/name#main-key})
     * @param publicKeyPem SPKI PEM ({@code -----BEGIN PUBLIC KEY-----})
     */
    public record Key(URI id, String publicKeyPem) {
        public Key {
            Fields.httpId(id, "key id");
            Fields.nonBlank(publicKeyPem, "publicKeyPem");
        }
    }

    /**
     * A community.
     *
     * @param preferredUsername the handle's user part ({@code storby} in {@code @storby@kinship.example})
     * @param name              the display name
     * @param summaryHtml       the description as HTML, or {@code null}
     * @param url               the community's page for people, or {@code null}
     * @param published         when it was created, or {@code null}
     * @param moderators        the moderators collection; written as {@code moderators} and as {@code attributedTo},
     *                          which is where FEP-1b12 and Lemmy look for it
     * @param postingRestrictedToMods whether only moderators may start threads (Lemmy)
     * @param manuallyApprovesFollowers whether follows wait for a decision instead of being accepted at once
     */
    public record Group(URI id, String preferredUsername, String name, String summaryHtml, URI url, Instant published,
            Mailboxes mailboxes, Key key, URI moderators, boolean postingRestrictedToMods,
            boolean manuallyApprovesFollowers) {
        public Group {
            Fields.httpId(id, "id");
            Fields.nonBlank(preferredUsername, "preferredUsername");
            Fields.nonBlank(name, "name");
            Fields.optionalHttpId(url, "url");
            Objects.requireNonNull(mailboxes, "mailboxes");
            Objects.requireNonNull(mailboxes.followers(), "a Group needs a followers collection");
            Objects.requireNonNull(key, "key");
            Fields.httpId(moderators, "moderators");
        }
    }

    /**
     * A member's actor inside one community.
     *
     * @param pseudonym the member's name in that community, the only thing said about them
     * @param url       their profile page in the community, or {@code null}
     * @param published when the actor was created, or {@code null} (the caller may prefer not to reveal it)
     * @param following the following collection
     */
    public record Person(URI id, String preferredUsername, String pseudonym, URI url, Instant published,
            Mailboxes mailboxes, URI following, Key key) {
        public Person {
            Fields.httpId(id, "id");
            Fields.nonBlank(preferredUsername, "preferredUsername");
            Fields.nonBlank(pseudonym, "pseudonym");
            Fields.optionalHttpId(url, "url");
            Objects.requireNonNull(mailboxes, "mailboxes");
            Objects.requireNonNull(mailboxes.followers(), "a Person needs a followers collection");
            Fields.httpId(following, "following");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The instance actor (FEP-2677): fetchable without a signature, signs what the instance itself fetches.
     *
     * @param preferredUsername usually the host name, as Mastodon and Lemmy do
     */
    public record Application(URI id, String preferredUsername, String name, String summaryHtml, URI url,
            Instant published, Mailboxes mailboxes, Key key) {
        public Application {
            Fields.httpId(id, "id");
            Fields.nonBlank(preferredUsername, "preferredUsername");
            Fields.nonBlank(name, "name");
            Fields.optionalHttpId(url, "url");
            Objects.requireNonNull(mailboxes, "mailboxes");
            Objects.requireNonNull(key, "key");
        }
    }

    public static JsonObject group(Group group) {
        return Fields.document(group.id(), "Group")
                .text("preferredUsername", group.preferredUsername())
                .text("name", group.name())
                .text("summary", group.summaryHtml())
                .iri("url", group.url())
                .iri("inbox", group.mailboxes().inbox())
                .iri("outbox", group.mailboxes().outbox())
                .iri("followers", group.mailboxes().followers())
                .iri("attributedTo", group.moderators())
                .iri("moderators", group.moderators())
                .bool("postingRestrictedToMods", group.postingRestrictedToMods())
                .bool("manuallyApprovesFollowers", group.manuallyApprovesFollowers())
                .object("endpoints", endpoints(group.mailboxes()))
                .object("publicKey", publicKey(group.key(), group.id()))
                .time("published", group.published())
                .build();
    }

    public static JsonObject person(Person person) {
        return Fields.document(person.id(), "Person")
                .text("preferredUsername", person.preferredUsername())
                .text("name", person.pseudonym())
                .iri("url", person.url())
                .iri("inbox", person.mailboxes().inbox())
                .iri("outbox", person.mailboxes().outbox())
                .iri("followers", person.mailboxes().followers())
                .iri("following", person.following())
                // Pseudonymous peer support: never suggested to strangers on other servers.
                .bool("discoverable", false)
                .object("endpoints", endpoints(person.mailboxes()))
                .object("publicKey", publicKey(person.key(), person.id()))
                .time("published", person.published())
                .build();
    }

    public static JsonObject application(Application application) {
        return Fields.document(application.id(), "Application")
                .text("preferredUsername", application.preferredUsername())
                .text("name", application.name())
                .text("summary", application.summaryHtml())
                .iri("url", application.url())
                .iri("inbox", application.mailboxes().inbox())
                .iri("outbox", application.mailboxes().outbox())
                .iri("followers", application.mailboxes().followers())
                .object("endpoints", endpoints(application.mailboxes()))
                .object("publicKey", publicKey(application.key(), application.id()))
                .time("published", application.published())
                .build();
    }

    private static JsonObject endpoints(Mailboxes mailboxes) {
        return mailboxes.sharedInbox() == null ? null
                : Fields.JSON.createObjectBuilder().add("sharedInbox", mailboxes.sharedInbox().toString()).build();
    }

    private static JsonObject publicKey(Key key, URI owner) {
        return Fields.JSON.createObjectBuilder()
                .add("id", key.id().toString())
                .add("owner", owner.toString())
                .add("publicKeyPem", key.publicKeyPem())
                .build();
    }
}
