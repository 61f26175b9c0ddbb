package org.kinship.federation.jsonld;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incoming object (a thread's Page, a reply's Note, an Event, a Tombstone, an actor ...), reduced to what
 * Kinship uses. Which fields are present depends on the type; absent ones are empty.
 *
 * @param content    the text without a language (or, when the sender gave only languages, the first one)
 * @param contentMap the text per language ({@code contentMap}), possibly empty
 * @param source     the author's source text (usually Markdown), when sent
 * @param context    the conversation it belongs to (FEP-7888)
 * @param attributedTo its authors; for a Group, its moderators (FEP-1b12)
 * @param url        the first human-readable link
 * @param attachments attachments, images and icons, minimal
 * @param event      Event details, for an {@link ObjectType#EVENT}
 * @param actor      actor details, for actor types
 * @param formerType what a Tombstone used to be, as an IRI
 */
public record IncomingObject(
        Optional<URI> id,
        ObjectType type,
        List<String> typeIris,
        Optional<String> name,
        Optional<String> summary,
        Optional<String> content,
        Map<String, String> contentMap,
        Optional<String> mediaType,
        Optional<Source> source,
        Optional<URI> inReplyTo,
        Optional<URI> context,
        List<URI> attributedTo,
        List<URI> audience,
        List<URI> to,
        List<URI> cc,
        Optional<Instant> published,
        Optional<Instant> updated,
        boolean sensitive,
        Optional<URI> url,
        List<Attachment> attachments,
        Optional<EventDetails> event,
        Optional<ActorDetails> actor,
        Optional<String> formerType) implements IncomingDocument {

    public IncomingObject {
        typeIris = List.copyOf(typeIris);
        contentMap = Map.copyOf(contentMap);
        attributedTo = List.copyOf(attributedTo);
        audience = List.copyOf(audience);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }

    @Override
    public boolean isUnknownType() {
        return type == ObjectType.UNKNOWN;
    }

    /** The author's text and its format ({@code source}), e.g. Markdown. */
    public record Source(String content, Optional<String> mediaType) {
    }

    /** An attachment, image or icon: only what a page needs to link or show it. */
    public record Attachment(Kind kind, Optional<URI> url, Optional<String> mediaType, Optional<String> name) {
        public enum Kind { ATTACHMENT, IMAGE, ICON }
    }

    /**
     * What an Event adds (FEP-8a8e, Mobilizon). Join modes and anonymous participation are not read.
     *
     * @param status {@code ical:status} when the sender wrote one Kinship knows; empty when absent or unknown
     */
    public record EventDetails(Optional<Instant> startTime, Optional<Instant> endTime, Optional<Place> location,
            Optional<EventStatus> status) {

        /** An Event that says nothing about its status (most senders other than Mobilizon). */
        public EventDetails(Optional<Instant> startTime, Optional<Instant> endTime, Optional<Place> location) {
            this(startTime, endTime, location, Optional.empty());
        }

        /** Whether the sender says the Event is called off. */
        public boolean cancelled() {
            return status.filter(s -> s == EventStatus.CANCELLED).isPresent();
        }
    }

    /** Where an Event happens; the address is one line however the sender structured it. */
    public record Place(Optional<String> name, Optional<String> address) {
    }

    /** What actors add: where to deliver, how to verify. */
    public record ActorDetails(
            Optional<String> preferredUsername,
            Optional<URI> inbox,
            Optional<URI> outbox,
            Optional<URI> sharedInbox,
            Optional<URI> followers,
            Optional<PublicKey> publicKey,
            List<URI> moderators) {
        public ActorDetails {
            moderators = List.copyOf(moderators);
        }
    }

    /** The actor's signing key (Security v1 {@code publicKey}). */
    public record PublicKey(Optional<URI> id, Optional<URI> owner, String publicKeyPem) {
    }
}
