package org.kinship.federation.jsonld;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kinship.federation.jsonld.Triples.Term;

/**
 * Reads one document's RDF statements into Kinship's model. Expansion already made every value one of: an
 * IRI, a node with properties (embedded), or a literal, and made single values and arrays alike, so the
 * leniency the fediverse needs happens here once: many values where one is expected (the first counts),
 * a link where an object is expected, an object where a link is expected (its id counts).
 */
final class GraphReader {

    /** Announce(Create(Note(...))) is three; more is never needed and cycles must end. */
    private static final int MAX_EMBEDDING = 6;

    private final Triples graph;

    GraphReader(Triples graph) {
        this.graph = graph;
    }

    IncomingDocument document(Term subject) {
        return document(subject, 0);
    }

    private IncomingDocument document(Term subject, int depth) {
        List<String> types = typeIris(subject);
        ActivityType activityType = activityType(types);
        ObjectType objectType = objectType(types);
        boolean activity = activityType != ActivityType.UNKNOWN
                || (objectType == ObjectType.UNKNOWN && has(subject, Vocab.ACTOR));
        return activity ? activity(subject, activityType, types, depth) : object(subject, objectType, types);
    }

    private Incoming activity(Term s, ActivityType type, List<String> types, int depth) {
        return new Incoming(id(s), type, types,
                firstId(s, Vocab.ACTOR),
                ref(s, Vocab.OBJECT, depth),
                ref(s, Vocab.TARGET, depth),
                ids(s, Vocab.AUDIENCE), ids(s, Vocab.TO), ids(s, Vocab.CC),
                instant(s, Vocab.PUBLISHED), text(s, Vocab.SUMMARY), instant(s, Vocab.END_TIME),
                bool(s, Vocab.REMOVE_DATA) || bool(s, Vocab.REMOVE_DATA_UNDECLARED));
    }

    private IncomingObject object(Term s, ObjectType type, List<String> types) {
        Map<String, String> contentMap = new LinkedHashMap<>();
        String plainContent = null;
        for (Term literal : literals(s, Vocab.CONTENT)) {
            String language = literal.language();
            if (language == null || language.isEmpty()) {
                plainContent = plainContent == null ? literal.value() : plainContent;
            } else {
                contentMap.putIfAbsent(language.toLowerCase(Locale.ROOT), literal.value());
            }
        }
        Optional<String> content = Optional.ofNullable(plainContent)
                .or(() -> contentMap.values().stream().findFirst());

        Optional<IncomingObject.EventDetails> event = Optional.empty();
        if (type == ObjectType.EVENT) {
            event = Optional.of(new IncomingObject.EventDetails(instant(s, Vocab.START_TIME),
                    instant(s, Vocab.END_TIME), first(s, Vocab.LOCATION).map(this::place), eventStatus(s)));
        }
        Optional<IncomingObject.ActorDetails> actor = Optional.empty();
        if (type.isActor()) {
            actor = Optional.of(actorDetails(s));
        }
        return new IncomingObject(id(s), type, types,
                text(s, Vocab.NAME), text(s, Vocab.SUMMARY), content, contentMap,
                text(s, Vocab.MEDIA_TYPE), first(s, Vocab.SOURCE).flatMap(this::source),
                firstId(s, Vocab.IN_REPLY_TO), firstId(s, Vocab.CONTEXT),
                ids(s, Vocab.ATTRIBUTED_TO), ids(s, Vocab.AUDIENCE), ids(s, Vocab.TO), ids(s, Vocab.CC),
                instant(s, Vocab.PUBLISHED), instant(s, Vocab.UPDATED),
                bool(s, Vocab.SENSITIVE),
                first(s, Vocab.URL).flatMap(this::linkTarget),
                attachments(s), event, actor,
                first(s, Vocab.FORMER_TYPE).filter(Term::isIri).map(Term::value));
    }

    /** The first {@code ical:status} Kinship knows, however the prefix was (or was not) declared. */
    private Optional<EventStatus> eventStatus(Term s) {
        for (String property : List.of(Vocab.ICAL_STATUS, Vocab.ICAL_STATUS_UNDECLARED)) {
            for (Term value : literals(s, property)) {
                Optional<EventStatus> status = EventStatus.of(value.value());
                if (status.isPresent()) {
                    return status;
                }
            }
        }
        return Optional.empty();
    }

    private IncomingObject.ActorDetails actorDetails(Term s) {
        Optional<URI> sharedInbox = first(s, Vocab.ENDPOINTS)
                .flatMap(endpoints -> firstId(endpoints, Vocab.SHARED_INBOX));
        Optional<IncomingObject.PublicKey> key = Optional.empty();
        for (Term k : values(s, Vocab.PUBLIC_KEY)) {
            Optional<String> pem = text(k, Vocab.PUBLIC_KEY_PEM);
            if (pem.isPresent()) {
                key = Optional.of(new IncomingObject.PublicKey(nodeId(k), firstId(k, Vocab.OWNER), pem.get()));
                break;
            }
        }
        return new IncomingObject.ActorDetails(text(s, Vocab.PREFERRED_USERNAME),
                firstId(s, Vocab.INBOX), firstId(s, Vocab.OUTBOX), sharedInbox, firstId(s, Vocab.FOLLOWERS),
                key, ids(s, Vocab.MODERATORS));
    }

    private List<IncomingObject.Attachment> attachments(Term s) {
        List<IncomingObject.Attachment> result = new ArrayList<>();
        addAttachments(result, s, Vocab.ATTACHMENT, IncomingObject.Attachment.Kind.ATTACHMENT);
        addAttachments(result, s, Vocab.IMAGE, IncomingObject.Attachment.Kind.IMAGE);
        addAttachments(result, s, Vocab.ICON, IncomingObject.Attachment.Kind.ICON);
        return result;
    }

    private void addAttachments(List<IncomingObject.Attachment> into, Term s, String property,
            IncomingObject.Attachment.Kind kind) {
        for (Term value : values(s, property)) {
            if (value.literal()) {
                continue;
            }
            Optional<URI> url = described(value)
                    ? first(value, Vocab.URL).flatMap(this::linkTarget).or(() -> firstId(value, Vocab.HREF))
                    : nodeId(value);
            into.add(new IncomingObject.Attachment(kind, url, text(value, Vocab.MEDIA_TYPE), text(value, Vocab.NAME)));
        }
    }

    private Optional<IncomingObject.Source> source(Term value) {
        if (value.literal()) {
            return Optional.of(new IncomingObject.Source(value.value(), Optional.empty()));
        }
        return text(value, Vocab.CONTENT).map(c -> new IncomingObject.Source(c, text(value, Vocab.MEDIA_TYPE)));
    }

    private IncomingObject.Place place(Term value) {
        if (value.literal()) {
            return new IncomingObject.Place(Optional.of(value.value()), Optional.empty());
        }
        Optional<String> address = Optional.empty();
        // schema.org's address arrives under several namespaces (http/https, '/' or '#') or undefined: by name.
        for (Term a : valuesByLocalName(value, "address")) {
            if (a.literal()) {
                address = Optional.of(a.value());
            } else {
                List<String> parts = new ArrayList<>();
                for (String field : List.of("streetAddress", "postalCode", "addressLocality", "addressRegion",
                        "addressCountry")) {
                    valuesByLocalName(a, field).stream().filter(Term::literal).findFirst()
                            .map(Term::value).filter(t -> !t.isBlank()).ifPresent(parts::add);
                }
                address = parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
            }
            if (address.isPresent()) {
                break;
            }
        }
        return new IncomingObject.Place(text(value, Vocab.NAME), address);
    }

    // --- values ---------------------------------------------------------------------------------------

    private Optional<Ref> ref(Term s, String property, int depth) {
        for (Term value : values(s, property)) {
            if (value.literal()) {
                continue;
            }
            if (described(value) && depth < MAX_EMBEDDING && !value.equals(s)) {
                return Optional.of(new Ref.Embedded(document(value, depth + 1)));
            }
            Optional<URI> id = nodeId(value);
            if (id.isPresent()) {
                return Optional.of(new Ref.Link(id.get()));
            }
        }
        return Optional.empty();
    }

    /** The target of a url-like value: an IRI, or a Link node's href. */
    private Optional<URI> linkTarget(Term value) {
        if (value.literal()) {
            return uri(value.value());
        }
        if (described(value)) {
            Optional<URI> href = firstId(value, Vocab.HREF);
            if (href.isPresent()) {
                return href;
            }
        }
        return nodeId(value);
    }

    private List<String> typeIris(Term s) {
        List<String> types = new ArrayList<>(2);
        for (Term t : values(s, Vocab.TYPE)) {
            if (t.isIri()) {
                types.add(t.value());
            }
        }
        return types;
    }

    private Optional<URI> id(Term s) {
        return s.isIri() && s.value().equals(Vocab.NO_ID) ? Optional.empty() : nodeId(s);
    }

    private static Optional<URI> nodeId(Term n) {
        return n.isIri() ? uri(n.value()) : Optional.empty();
    }

    private Optional<URI> firstId(Term s, String property) {
        for (Term value : values(s, property)) {
            Optional<URI> id = nodeId(value);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private List<URI> ids(Term s, String property) {
        List<URI> result = new ArrayList<>();
        for (Term value : values(s, property)) {
            nodeId(value).ifPresent(result::add);
        }
        return result;
    }

    /** A plain string is preferred over a language-tagged one: it is what the sender meant as default. */
    private Optional<String> text(Term s, String property) {
        String tagged = null;
        for (Term value : literals(s, property)) {
            String language = value.language();
            if (language == null || language.isEmpty()) {
                return Optional.of(value.value());
            }
            tagged = tagged == null ? value.value() : tagged;
        }
        return Optional.ofNullable(tagged);
    }

    private Optional<Instant> instant(Term s, String property) {
        for (Term value : literals(s, property)) {
            Optional<Instant> instant = parseInstant(value.value());
            if (instant.isPresent()) {
                return instant;
            }
        }
        return Optional.empty();
    }

    private boolean bool(Term s, String property) {
        for (Term value : literals(s, property)) {
            String lexical = value.value();
            if (lexical.equals("true") || lexical.equals("1")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Term> first(Term s, String property) {
        List<Term> values = values(s, property);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private boolean has(Term s, String property) {
        return !graph.values(s, property).isEmpty();
    }

    /** Whether the node was sent with properties (embedded), not only named. */
    private boolean described(Term n) {
        return graph.describes(n);
    }

    private List<Term> values(Term s, String property) {
        return graph.values(s, property);
    }

    private List<Term> literals(Term s, String property) {
        List<Term> result = new ArrayList<>(values(s, property));
        result.removeIf(n -> !n.literal());
        return result;
    }

    private List<Term> valuesByLocalName(Term s, String localName) {
        List<Term> result = new ArrayList<>(1);
        graph.properties(s).forEach((predicate, values) -> {
            if (Vocab.localName(predicate).equals(localName)) {
                result.addAll(values);
            }
        });
        return result;
    }

    // --- classification ----------------------------------------------------------------------------------

    private static final Map<String, ActivityType> ACTIVITY_TYPES = new LinkedHashMap<>();
    private static final Map<String, ObjectType> OBJECT_TYPES = new LinkedHashMap<>();

    static {
        for (ActivityType t : ActivityType.values()) {
            if (t != ActivityType.UNKNOWN) {
                ACTIVITY_TYPES.put(Vocab.AS_NS + camel(t.name()), t);
            }
        }
        // FEP-1b12's Lock is in no published context: Lemmy and Mbin send the bare term.
        ACTIVITY_TYPES.put(Vocab.UNDEFINED_NS + "Lock", ActivityType.LOCK);
        ACTIVITY_TYPES.put(Vocab.LEMMY_NS + "Lock", ActivityType.LOCK);
        for (ObjectType t : ObjectType.values()) {
            if (t != ObjectType.UNKNOWN) {
                OBJECT_TYPES.put(Vocab.AS_NS + camel(t.name()), t);
            }
        }
    }

    private static String camel(String enumName) {
        StringBuilder b = new StringBuilder();
        for (String part : enumName.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    static ActivityType activityType(List<String> types) {
        for (String t : types) {
            ActivityType type = ACTIVITY_TYPES.get(t);
            if (type != null) {
                return type;
            }
        }
        return ActivityType.UNKNOWN;
    }

    static ObjectType objectType(List<String> types) {
        for (String t : types) {
            ObjectType type = OBJECT_TYPES.get(t);
            if (type != null) {
                return type;
            }
        }
        return ObjectType.UNKNOWN;
    }

    // --- parsing -----------------------------------------------------------------------------------------

    static Optional<URI> uri(String s) {
        try {
            URI uri = new URI(s);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Dates as servers write them: with an offset, with Z, and now and then with none (read as UTC). */
    static Optional<Instant> parseInstant(String lexical) {
        try {
            return Optional.of(OffsetDateTime.parse(lexical).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(lexical).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
