package org.kinship.federation.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads incoming ActivityPub documents leniently and safely into {@link IncomingDocument}s.
 *
 * <p>Order matters: the size is checked on the bytes, the nesting while streaming (before any tree
 * exists), then the JSON-LD processor expands the document with bundled contexts only, the result
 * becomes RDF statements ({@link Triples}), and {@link GraphReader} picks out what Kinship needs. Every input ends as a
 * {@link ReadResult}; nothing is thrown for any input.
 *
 * <p>Leniency: a missing {@code @context} is read as Lemmy's (ActivityStreams plus Lemmy's terms), since
 * Lemmy's own test documents and some peers send none; a top-level context URL that is not bundled is
 * ignored (never fetched) and the rest of the context is used; terms no context defines stay readable by
 * name instead of vanishing.
 *
 * <p>Speed: Titanium processes a {@code @context} afresh for every document, and for the full
 * ActivityStreams context that is most of the work. Peers send the same few contexts again and again,
 * so the processed context is kept per distinct top-level {@code @context} value and the document body
 * is expanded against it. This is equivalent to what the processor does with the document's own
 * {@code @context} at the top level (it is processed first there too). Thread-safe.
 */
public final class ActivityReader {

    public static final int DEFAULT_MAX_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 32;
    /** Each nested {@code @context} is processed per document; a body full of them is a cheap denial of service. */
    public static final int DEFAULT_MAX_NESTED_CONTEXTS = 16;
    /** Distinct contexts kept processed; peers use a handful each, so this is generous. */
    private static final int CONTEXT_CACHE_SIZE = 256;

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String LD_SIGNATURE = "signature";
    private static final String INTEGRITY_PROOF = "proof";

    /**
     * Titanium logs every id it drops as not an IRI at WARNING, quoting the sender's text: that is input,
     * not an operational problem, and would let any peer write into the server log. Held here so the
     * level sticks (java.util.logging keeps loggers weakly).
     */
    private static final Logger TITANIUM_TO_RDF = Logger.getLogger("com.apicatalog.jsonld.deseralization.JsonLdToRdf");

    static {
        TITANIUM_TO_RDF.setLevel(Level.SEVERE);
    }

    private final ContextDocuments contexts;
    private final int maxBytes;
    private final BoundedJson json;
    private final JsonLdOptions options;
    private final JsonArray defaultContext;
    private final JsonObject undefinedVocabulary;
    private final Map<String, ActiveContext> processedContexts = new ConcurrentHashMap<>();

    public ActivityReader(ContextDocuments contexts) {
        this(contexts, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    public ActivityReader(ContextDocuments contexts, int maxBytes, int maxDepth) {
        this.contexts = contexts;
        this.maxBytes = maxBytes;
        this.json = new BoundedJson(JSON, maxDepth, DEFAULT_MAX_NESTED_CONTEXTS);
        this.options = new JsonLdOptions(contexts);
        // Full IRI validation parses every IRI once more while building RDF; GraphReader validates each id
        // it hands out anyway, and an IRI without a scheme (a relative id) is still dropped here.
        this.options.setUriValidation(UriValidationPolicy.SchemeOnly);
        this.defaultContext = JSON.createArrayBuilder()
                .add(ContextDocuments.LEMMY).add(ContextDocuments.ACTIVITY_STREAMS).build();
        this.undefinedVocabulary = JSON.createObjectBuilder().add("@vocab", Vocab.UNDEFINED_NS).build();
    }

    /** Reads at most the size limit from {@code in}; a longer body is refused without reading the rest. */
    public ReadResult<IncomingDocument> read(InputStream in) {
        try {
            byte[] body = in.readNBytes(maxBytes + 1);
            return read(body);
        } catch (IOException e) {
            return ReadResult.refused(RefusalReason.UNREADABLE, "the body could not be read: " + e.getMessage());
        }
    }

    /** Reads a document that must be an activity (an inbox POST). */
    public ReadResult<Incoming> readActivity(byte[] body) {
        ReadResult<IncomingDocument> result = read(body);
        if (result instanceof ReadResult.Read<IncomingDocument> r && !(r.value() instanceof Incoming)) {
            return ReadResult.refused(RefusalReason.WRONG_KIND, "expected an activity, got an object");
        }
        return result.map(Incoming.class::cast);
    }

    /** Reads a document that must be an object (a fetched note, page or actor). */
    public ReadResult<IncomingObject> readObject(byte[] body) {
        ReadResult<IncomingDocument> result = read(body);
        if (result instanceof ReadResult.Read<IncomingDocument> r && !(r.value() instanceof IncomingObject)) {
            return ReadResult.refused(RefusalReason.WRONG_KIND, "expected an object, got an activity");
        }
        return result.map(IncomingObject.class::cast);
    }

    /** Reads an activity or an object. */
    public ReadResult<IncomingDocument> read(byte[] body) {
        if (body == null || body.length > maxBytes) {
            return ReadResult.refused(RefusalReason.TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
        }
        try {
            ReadResult<JsonObject> parsed = json.parse(body);
            if (!(parsed instanceof ReadResult.Read<JsonObject> read)) {
                return parsed.map(o -> null);
            }
            return readJson(read.value());
        } catch (JsonLdError e) {
            return refusal(e);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect in the processor or here, triggered by some input: refuse, do not fail the request.
            return ReadResult.refused(RefusalReason.UNREADABLE,
                    "the document could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ReadResult<IncomingDocument> readJson(JsonObject document) throws JsonLdError {
        JsonValue declared = document.get("@context");
        ReadResult<JsonArray> context = effectiveContext(declared);
        if (!(context instanceof ReadResult.Read<JsonArray> usable)) {
            return context.map(c -> null);
        }
        ActiveContext active = processed(usable.value());
        JsonObject body = withoutContextAndProofs(document);

        JsonValue expanded = Expansion.with(active, body, null, null).compute();
        if (expanded instanceof JsonArray array) {
            if (array.size() != 1) {
                return ReadResult.refused(RefusalReason.UNSUPPORTED_SHAPE,
                        array.isEmpty() ? "the document has nothing readable" : "the document holds several nodes");
            }
            expanded = array.get(0);
        }
        if (!(expanded instanceof JsonObject node) || node.containsKey("@graph") || !node.containsKey("@type")
                && node.size() <= 1) {
            return ReadResult.refused(RefusalReason.UNSUPPORTED_SHAPE,
                    "the document is not one activity or object");
        }

        String subject;
        JsonValue id = node.get("@id");
        if (id == null) {
            subject = Vocab.NO_ID;
            node = JSON.createObjectBuilder(node).add("@id", Vocab.NO_ID).build();
        } else if (id instanceof JsonString s && isHttpIri(s.getString())) {
            subject = s.getString();
        } else {
            return ReadResult.refused(RefusalReason.INVALID_ID, "the document's id is not an absolute http(s) IRI");
        }

        Triples triples = new Triples();
        ToRdfProcessor.toRdf(triples, JSON.createArrayBuilder().add(node).build(), options);
        return ReadResult.read(new GraphReader(triples).document(Triples.Term.resource(subject)));
    }

    /**
     * The top-level context to process: the declared one without the URLs that are not bundled (ignored,
     * never fetched), or Lemmy's when none is declared, followed by the vocabulary for undefined terms.
     */
    private ReadResult<JsonArray> effectiveContext(JsonValue declared) {
        List<JsonValue> entries = new ArrayList<>();
        if (declared == null || declared == JsonValue.NULL) {
            entries.addAll(defaultContext);
        } else if (declared instanceof JsonArray array) {
            entries.addAll(array);
        } else {
            entries.add(declared);
        }
        JsonArrayBuilder kept = JSON.createArrayBuilder();
        boolean anyBundled = false;
        for (JsonValue entry : entries) {
            if (entry instanceof JsonString url) {
                if (contexts.serves(url.getString())) {
                    kept.add(entry);
                    anyBundled = true;
                } else {
                    contexts.noteRefused(GraphReader.uri(url.getString()).orElse(URI.create("invalid:context")));
                }
            } else if (entry.getValueType() == JsonValue.ValueType.OBJECT || entry == JsonValue.NULL) {
                kept.add(entry);
                anyBundled |= entry.getValueType() == JsonValue.ValueType.OBJECT;
            } else {
                return ReadResult.refused(RefusalReason.INVALID_JSONLD, "@context holds a " + entry.getValueType());
            }
        }
        if (!anyBundled) {
            return ReadResult.refused(RefusalReason.CONTEXT_UNAVAILABLE,
                    "none of the @context documents is known here (they are never fetched)");
        }
        return ReadResult.read(kept.add(undefinedVocabulary).build());
    }

    /**
     * The document to expand: without its top-level {@code @context} (processed already), and without the members
     * a sender adds to prove the document rather than to say something: a Linked Data Signature
     * ({@code signature}, RsaSignature2017) and Object Integrity Proofs ({@code proof}, FEP-8b32). Kinship
     * authenticates by HTTP signature and reads neither; Fedify gives each of them a nested {@code @context} of
     * its own ({@code https://w3id.org/identity/v1}, {@code https://gotosocial.org/ns}), which is not bundled and
     * would otherwise refuse every activity Fedify-based software sends.
     */
    private static JsonObject withoutContextAndProofs(JsonObject document) {
        if (!document.containsKey("@context") && !document.containsKey(LD_SIGNATURE) && !document.containsKey(INTEGRITY_PROOF)) {
            return document;
        }
        return JSON.createObjectBuilder(document).remove("@context").remove(LD_SIGNATURE).remove(INTEGRITY_PROOF).build();
    }

    private ActiveContext processed(JsonArray context) throws JsonLdError {
        String key = context.toString();
        ActiveContext active = processedContexts.get(key);
        if (active == null) {
            active = new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext().create(context, null);
            if (processedContexts.size() >= CONTEXT_CACHE_SIZE) {
                // Crude but bounded: a peer cycling through inline contexts only costs itself the cache.
                processedContexts.clear();
            }
            processedContexts.put(key, active);
        }
        return active;
    }

    private static boolean isHttpIri(String s) {
        return GraphReader.uri(s).map(u -> ("https".equalsIgnoreCase(u.getScheme())
                || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null).orElse(false);
    }

    private static ReadResult<IncomingDocument> refusal(JsonLdError e) {
        JsonLdErrorCode code = e.getCode();
        if (code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED || code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED) {
            return ReadResult.refused(RefusalReason.CONTEXT_UNAVAILABLE,
                    "a nested @context names a document that is not known here (it is never fetched)");
        }
        return ReadResult.refused(RefusalReason.INVALID_JSONLD,
                "the JSON-LD is not valid: " + (code == null ? "unknown error" : code.name().toLowerCase()));
    }

}
