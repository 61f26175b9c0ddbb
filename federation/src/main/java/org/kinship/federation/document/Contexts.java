package org.kinship.federation.document;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.kinship.federation.jsonld.ContextDocuments;

/**
 * The one {@code @context} Kinship writes: ActivityStreams, Security v1 (for {@code publicKey}) and an inline
 * map of the extension terms Kinship uses, each bound to the IRI the peer that introduced it uses, so that a
 * JSON-LD processor and a peer reading key names agree on what every key means.
 *
 * <p>Only the two URLs are referenced, and both are among the bundled documents, so no reader (ours
 * included) ever needs to fetch anything to understand a Kinship document. {@code audience} and
 * {@code context} (FEP-1b12, FEP-7888) are ActivityStreams terms already and need no entry.
 */
public final class Contexts {

    /** The media type Kinship serves and sends documents as. */
    public static final String ACTIVITY_JSON = "application/activity+json";

    /** What a JSON-LD aware peer may ask for instead; the same documents answer it. */
    public static final String LD_JSON_ACTIVITY_STREAMS =
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private static final JsonObject TERMS = Fields.JSON.createObjectBuilder()
            // ActivityStreams terms that the published AS context never got, written as Mastodon and Lemmy do.
            .add("sensitive", "as:sensitive")
            .add("manuallyApprovesFollowers", "as:manuallyApprovesFollowers")
            // The AS context makes formerType an @id, which turns "Page" into a relative IRI that processors
            // drop; peers write the bare type name, so it is read against the vocabulary, as it means.
            .add("formerType", Fields.JSON.createObjectBuilder().add("@id", "as:formerType").add("@type", "@vocab"))
            // Lemmy's namespace (https://join-lemmy.org/context.json): group moderation.
            .add("lemmy", "https://join-lemmy.org/ns#")
            .add("moderators", Fields.JSON.createObjectBuilder().add("@id", "lemmy:moderators").add("@type", "@id"))
            .add("postingRestrictedToMods", "lemmy:postingRestrictedToMods")
            // FEP-1b12's Lock is defined by no published context; Lemmy and Mbin send the bare term. Naming it in
            // Lemmy's namespace keeps the key identical for them and gives processors an IRI instead of nothing.
            .add("Lock", "lemmy:Lock")
            // Mastodon's namespace: whether a profile may be suggested to others.
            .add("toot", "http://joinmastodon.org/ns#")
            .add("discoverable", "toot:discoverable")
            // Mobilizon's event terms, with the IRIs Mobilizon itself binds them to (schema.org written with '#',
            // as Mobilizon and Mastodon write it). Mobilizon reads the keys; the IRIs keep processors honest.
            .add("mz", "https://joinmobilizon.org/ns#")
            .add("sc", "http://schema.org#")
            .add("timezone", "mz:timezone")
            .add("isOnline", "mz:isOnline")
            .add("joinMode", "mz:joinMode")
            .add("participantCount", "mz:participantCount")
            .add("anonymousParticipationEnabled", "mz:anonymousParticipationEnabled")
            .add("maximumAttendeeCapacity", "sc:maximumAttendeeCapacity")
            .add("category", "sc:category")
            .add("PostalAddress", "sc:PostalAddress")
            .add("address", "sc:address")
            .add("streetAddress", "sc:streetAddress")
            .add("postalCode", "sc:postalCode")
            .add("addressLocality", "sc:addressLocality")
            .add("addressRegion", "sc:addressRegion")
            .add("addressCountry", "sc:addressCountry")
            // iCalendar in RDF, the prefix Mobilizon declares for an Event's "ical:status" (CONFIRMED, CANCELLED).
            .add("ical", "http://www.w3.org/2002/12/cal/ical#")
            .build();

    private static final JsonArray KINSHIP = Fields.JSON.createArrayBuilder()
            .add(ContextDocuments.ACTIVITY_STREAMS)
            .add(ContextDocuments.SECURITY_V1)
            .add(TERMS)
            .build();

    private Contexts() {
    }

    /** The {@code @context} value of every document Kinship writes (immutable). */
    public static JsonArray kinship() {
        return KINSHIP;
    }

    /** Whether {@code document} carries exactly Kinship's own {@code @context}. */
    static boolean isOwn(JsonObject document) {
        JsonValue context = document.get("@context");
        return KINSHIP.equals(context);
    }
}
