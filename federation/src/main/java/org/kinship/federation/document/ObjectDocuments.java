package org.kinship.federation.document;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.kinship.federation.jsonld.EventStatus;
import org.kinship.federation.jsonld.ObjectType;

/**
 * The objects Kinship publishes: a thread is a {@code Page} with a {@code name} (FEP-1b12, as Lemmy and Mbin
 * write threads), a reply is a {@code Note} with {@code inReplyTo}, both grouped into their thread by
 * {@code context} (FEP-7888); a meetup is an {@code Event} in the shape Mobilizon reads (FEP-8a8e); a deleted
 * thing is a {@code Tombstone}.
 */
public final class ObjectDocuments {

    private ObjectDocuments() {
    }

    /**
     * What a thread, a reply and a meetup share: who wrote it, where it belongs, who it is for, when.
     *
     * @param attributedTo the author (a member's actor; for a meetup, the group that organises it)
     * @param audience     the community it belongs to (FEP-1b12), or {@code null}
     * @param context      the thread's context collection (FEP-7888), or {@code null}
     * @param addressing   recipients, as the caller decided ({@link Addressing#NONE} for none)
     * @param published    when it was first published
     * @param updated      when it was last edited, or {@code null}
     * @param url          the page people read it on, or {@code null}
     */
    public record Posting(URI id, URI attributedTo, URI audience, URI context, Addressing addressing, Instant published,
            Instant updated, URI url) {
        public Posting {
            Fields.httpId(id, "id");
            Fields.httpId(attributedTo, "attributedTo");
            Fields.optionalHttpId(audience, "audience");
            Fields.optionalHttpId(context, "context");
            Objects.requireNonNull(addressing, "addressing");
            Objects.requireNonNull(published, "published");
            Fields.optionalHttpId(url, "url");
        }
    }

    /**
     * The text of a post. Written as HTML ({@code content}, what peers show) with the author's Markdown as
     * {@code source} (what Lemmy and Mbin put in their editors).
     *
     * @param html           the rendered, sanitised HTML, or {@code null}
     * @param markdown       the author's Markdown, or {@code null}
     * @param contentWarning a content warning; when present, peers hide the text behind it
     *                       ({@code sensitive: true}, {@code summary} the warning, as Mastodon reads it)
     */
    public record Body(String html, String markdown, String contentWarning) {
    }

    /**
     * A meetup's own details.
     *
     * @param timezone  the IANA zone the meetup happens in; times are written with its offset
     * @param location  where, or {@code null} for an online-only meetup
     * @param online    whether one can take part online (Mobilizon {@code isOnline})
     * @param maximumAttendeeCapacity the number of places, or {@code null} for no limit
     * @param category  a Mobilizon category such as {@code MEETING}, or {@code null}
     * @param status    {@code CONFIRMED} for a date that takes place, {@code CANCELLED} for one called off
     */
    public record Meetup(String name, Instant startTime, Instant endTime, ZoneId timezone, Place location,
            boolean online, Integer maximumAttendeeCapacity, int participantCount, String category,
            boolean approvalRequired, EventStatus status) {

        /** A date that takes place. */
        public Meetup(String name, Instant startTime, Instant endTime, ZoneId timezone, Place location,
                boolean online, Integer maximumAttendeeCapacity, int participantCount, String category,
                boolean approvalRequired) {
            this(name, startTime, endTime, timezone, location, online, maximumAttendeeCapacity, participantCount, category,
                    approvalRequired, EventStatus.CONFIRMED);
        }

        public Meetup {
            Objects.requireNonNull(status, "status");
            Fields.nonBlank(name, "name");
            Objects.requireNonNull(startTime, "startTime");
            // FEP-8a8e requires an end, and one after the start.
            Objects.requireNonNull(endTime, "endTime");
            if (!endTime.isAfter(startTime)) {
                throw new IllegalArgumentException("endTime must be after startTime");
            }
            Objects.requireNonNull(timezone, "timezone");
            if ((maximumAttendeeCapacity != null && maximumAttendeeCapacity < 0) || participantCount < 0) {
                throw new IllegalArgumentException("attendee counts cannot be negative");
            }
        }
    }

    /** Where a meetup happens: a named {@code Place} with a schema.org postal address, as Mobilizon writes it. */
    public record Place(String name, PostalAddress address) {
        public Place {
            if ((name == null || name.isBlank()) && address == null) {
                throw new IllegalArgumentException("a place needs a name or an address");
            }
        }
    }

    /** A schema.org {@code PostalAddress}; any part may be {@code null}. */
    public record PostalAddress(String streetAddress, String postalCode, String addressLocality, String addressRegion,
            String addressCountry) {
    }

    /** A thread. */
    public static JsonObject page(Posting posting, String name, Body body) {
        Fields fields = Fields.document(posting.id(), "Page")
                .text("name", Fields.nonBlank(name, "name"));
        text(fields, body);
        return placement(fields, posting).build();
    }

    /** A reply to a thread or to another reply. */
    public static JsonObject note(Posting posting, URI inReplyTo, Body body) {
        Fields fields = Fields.document(posting.id(), "Note")
                .iri("inReplyTo", Fields.httpId(inReplyTo, "inReplyTo"));
        text(fields, body);
        return placement(fields, posting).build();
    }

    /** A meetup; {@code attributedTo} and {@code audience} in {@code posting} are the organising group. */
    public static JsonObject event(Posting posting, Meetup meetup, Body description) {
        Fields fields = Fields.document(posting.id(), "Event")
                .text("name", meetup.name());
        text(fields, description);
        fields.text("startTime", inZone(meetup.startTime(), meetup.timezone()))
                .text("endTime", inZone(meetup.endTime(), meetup.timezone()))
                .text("timezone", meetup.timezone().getId())
                .object("location", place(meetup.location()))
                .bool("isOnline", meetup.online())
                // Mobilizon's terms: "free" when people join by themselves, "restricted" when the organiser
                // approves each place (a Mobilizon participant is then shown as waiting). No anonymous participants.
                .text("joinMode", meetup.approvalRequired() ? "restricted" : "free")
                .bool("anonymousParticipationEnabled", false)
                .number("participantCount", meetup.participantCount())
                .number("maximumAttendeeCapacity", meetup.maximumAttendeeCapacity())
                .text("category", meetup.category())
                // Mobilizon's own key, prefix and all: it reads the key, not the expanded IRI, and a cancelled
                // Event sent again with CANCELLED is how it shows a cancellation (Contexts declares the prefix).
                .text("ical:status", meetup.status().name());
        return placement(fields, posting).build();
    }

    /**
     * What is left of a deleted object, served at its id (with 410 Gone) and embedded in a Delete by peers that
     * want it.
     *
     * @param formerType what it was (a Page, a Note, an Event), or {@code null}
     * @param deleted    when it was deleted, or {@code null}
     */
    public static JsonObject tombstone(URI id, ObjectType formerType, Instant deleted) {
        if (formerType == ObjectType.UNKNOWN) {
            throw new IllegalArgumentException("formerType must be a known type or null");
        }
        return Fields.document(Fields.httpId(id, "id"), "Tombstone")
                .text("formerType", formerType == null ? null : term(formerType))
                .time("deleted", deleted)
                .build();
    }

    private static void text(Fields fields, Body body) {
        if (body == null) {
            body = new Body(null, null, null);
        }
        fields.text("content", body.html());
        if (body.html() != null && !body.html().isEmpty()) {
            fields.text("mediaType", "text/html");
        }
        if (body.markdown() != null && !body.markdown().isEmpty()) {
            fields.object("source", Fields.JSON.createObjectBuilder()
                    .add("content", body.markdown())
                    .add("mediaType", "text/markdown")
                    .build());
        }
        boolean warned = body.contentWarning() != null && !body.contentWarning().isBlank();
        fields.bool("sensitive", warned);
        if (warned) {
            fields.text("summary", body.contentWarning());
        }
    }

    private static Fields placement(Fields fields, Posting posting) {
        return fields.iri("attributedTo", posting.attributedTo())
                .iri("audience", posting.audience())
                .iris("to", posting.addressing().to())
                .iris("cc", posting.addressing().cc())
                .iri("context", posting.context())
                .time("published", posting.published())
                .time("updated", posting.updated())
                .iri("url", posting.url());
    }

    private static JsonObject place(Place place) {
        if (place == null) {
            return null;
        }
        Fields fields = Fields.node("Place").text("name", place.name());
        PostalAddress a = place.address();
        if (a != null) {
            JsonObject address = Fields.node("PostalAddress")
                    .text("streetAddress", a.streetAddress())
                    .text("postalCode", a.postalCode())
                    .text("addressLocality", a.addressLocality())
                    .text("addressRegion", a.addressRegion())
                    .text("addressCountry", a.addressCountry())
                    .build();
            // Only a type and nothing else says nothing: leave the address out.
            fields.object("address", address.size() > 1 ? address : null);
        }
        return fields.build();
    }

    /** The instant with the offset it has in the meetup's zone: the wall time people see, and still exact. */
    private static String inZone(Instant instant, ZoneId zone) {
        return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** {@code ORDERED_COLLECTION} is written {@code OrderedCollection}. */
    static String term(Enum<?> type) {
        StringBuilder term = new StringBuilder();
        for (String part : type.name().split("_")) {
            term.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return term.toString();
    }
}
