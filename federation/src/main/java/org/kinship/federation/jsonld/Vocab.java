package org.kinship.federation.jsonld;

import java.net.URI;
import java.util.List;

/**
 * The IRIs the reader looks for: ActivityStreams (with the terms servers added later: sensitive, source,
 * endpoints, ...), Security v1 and Lemmy. Spelled out rather than taken from Jena's {@code AS}, whose
 * class initialisation starts all of Jena (see {@link Triples}).
 */
final class Vocab {

    static final String AS_NS = "https://www.w3.org/ns/activitystreams#";
    static final String SEC_NS = "https://w3id.org/security#";
    static final String LEMMY_NS = "https://join-lemmy.org/ns#";
    /** iCalendar in RDF; Mobilizon declares it as {@code ical} and writes an Event's status with it. */
    static final String ICAL_NS = "http://www.w3.org/2002/12/cal/ical#";
    /**
     * Where terms that no context defines end up. ActivityStreams maps them to blank nodes, which the RDF
     * conversion drops; naming them keeps Lemmy's context-less {@code Lock} and Mobilizon's address fields
     * (defined only in a context nobody can fetch) readable by name, without pretending they are AS terms.
     */
    static final String UNDEFINED_NS = "urn:x-kinship:undefined:";
    /** Stands for the top-level node when the sender gave it no id; never shown to callers. */
    static final String NO_ID = "urn:x-kinship:no-id";

    static final String PUBLIC = AS_NS + "Public";

    static final String TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    static final String ACTOR = AS_NS + "actor";
    static final String OBJECT = AS_NS + "object";
    static final String TARGET = AS_NS + "target";
    static final String AUDIENCE = AS_NS + "audience";
    static final String TO = AS_NS + "to";
    static final String CC = AS_NS + "cc";
    static final String PUBLISHED = AS_NS + "published";
    static final String UPDATED = AS_NS + "updated";
    static final String SUMMARY = AS_NS + "summary";
    static final String START_TIME = AS_NS + "startTime";
    static final String END_TIME = AS_NS + "endTime";
    static final String NAME = AS_NS + "name";
    static final String CONTENT = AS_NS + "content";
    static final String MEDIA_TYPE = AS_NS + "mediaType";
    static final String IN_REPLY_TO = AS_NS + "inReplyTo";
    static final String CONTEXT = AS_NS + "context";
    static final String ATTRIBUTED_TO = AS_NS + "attributedTo";
    static final String URL = AS_NS + "url";
    static final String HREF = AS_NS + "href";
    static final String ATTACHMENT = AS_NS + "attachment";
    static final String IMAGE = AS_NS + "image";
    static final String ICON = AS_NS + "icon";
    static final String LOCATION = AS_NS + "location";
    static final String FORMER_TYPE = AS_NS + "formerType";
    static final String SOURCE = AS_NS + "source";
    static final String SENSITIVE = AS_NS + "sensitive";
    static final String PREFERRED_USERNAME = AS_NS + "preferredUsername";
    static final String OUTBOX = AS_NS + "outbox";
    static final String FOLLOWERS = AS_NS + "followers";
    static final String ENDPOINTS = AS_NS + "endpoints";
    static final String SHARED_INBOX = AS_NS + "sharedInbox";
    static final String INBOX = "http://www.w3.org/ns/ldp#inbox";
    static final String PUBLIC_KEY = SEC_NS + "publicKey";
    static final String OWNER = SEC_NS + "owner";
    static final String PUBLIC_KEY_PEM = SEC_NS + "publicKeyPem";
    static final String MODERATORS = LEMMY_NS + "moderators";
    static final String REMOVE_DATA = LEMMY_NS + "removeData";
    /** {@code removeData} from a sender whose context does not define it (only ActivityStreams declared). */
    static final String REMOVE_DATA_UNDECLARED = UNDEFINED_NS + "removeData";
    static final String ICAL_STATUS = ICAL_NS + "status";
    /**
     * {@code "ical:status"} from a sender that never declared the prefix: JSON-LD then keeps the key as an
     * absolute IRI with the scheme {@code ical}. What the sender meant is plain, so it is read too.
     */
    static final String ICAL_STATUS_UNDECLARED = "ical:status";

    private Vocab() {
    }

    /** The public collection, however it was written: full IRI, {@code as:Public}, or {@code Public}. */
    static boolean isPublic(List<URI> recipients) {
        for (URI r : recipients) {
            String s = r.toString();
            if (s.equals(PUBLIC) || s.equals("as:Public") || s.equals("Public")) {
                return true;
            }
        }
        return false;
    }

    /** The name after the namespace: {@code Lock} for both {@code as:Lock} and an undefined {@code Lock}. */
    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')));
        return cut < 0 ? iri : iri.substring(cut + 1);
    }
}
