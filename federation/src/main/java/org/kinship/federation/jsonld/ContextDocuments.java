package org.kinship.federation.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The JSON-LD context documents bundled with Kinship, and the only document loader the JSON-LD
 * processor gets. Federation must never fetch a context while reading an inbox: a fetch is slow, leaks
 * to a third party that a document arrived, and lets a sender change what its document means after
 * the fact. So this loader serves the bundled files and refuses every other URL without touching the
 * network. Licences and sources are in {@code contexts/NOTICE.md} beside the files.
 */
public final class ContextDocuments implements DocumentLoader {

    /** The ActivityStreams 2.0 context URL, as most servers write it. */
    public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
    /** The Security v1 context (publicKey, owner, publicKeyPem). */
    public static final String SECURITY_V1 = "https://w3id.org/security/v1";
    /** Lemmy's context URL; served with Kinship's own statement of Lemmy's terms. */
    public static final String LEMMY = "https://join-lemmy.org/context.json";

    private static final String FOLDER = "contexts/";

    private static final Map<String, String> FILES = Map.of(
            ACTIVITY_STREAMS, "www.w3.org_ns_activitystreams.jsonld",
            SECURITY_V1, "w3id.org_security_v1.jsonld",
            "https://w3id.org/security/v2", "w3id.org_security_v2.jsonld",
            "https://w3id.org/security/data-integrity/v1", "w3id.org_security_data-integrity_v1.jsonld",
            "https://w3id.org/security/data-integrity/v2", "w3id.org_security_data-integrity_v2.jsonld",
            "https://w3id.org/security/multikey/v1", "w3id.org_security_multikey_v1.jsonld",
            LEMMY, "kinship_lemmy-terms.jsonld");

    private final Map<String, JsonDocument> byKey;
    private final Consumer<URI> onRefused;
    private final AtomicLong refusals = new AtomicLong();

    private ContextDocuments(Map<String, JsonDocument> byKey, Consumer<URI> onRefused) {
        this.byKey = byKey;
        this.onRefused = onRefused;
    }

    /** Loads the bundled documents from the class path; fails fast if one is missing (a packaging bug). */
    public static ContextDocuments bundled() {
        return bundled(url -> { });
    }

    /**
     * As {@link #bundled()}, and tells {@code onRefused} about every URL it would not serve, so tests
     * can prove nothing was fetched and operators can see which contexts peers use.
     */
    public static ContextDocuments bundled(Consumer<URI> onRefused) {
        Map<String, JsonDocument> byKey = new HashMap<>();
        FILES.forEach((url, file) -> {
            try (InputStream in = ContextDocuments.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled JSON-LD context missing: " + FOLDER + file);
                }
                JsonDocument document = JsonDocument.of(in);
                document.setDocumentUrl(URI.create(url));
                byKey.put(key(url), document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JsonLdError e) {
                throw new IllegalStateException("bundled JSON-LD context unreadable: " + file, e);
            }
        });
        // People write the AS context with a file suffix too.
        byKey.put(key(ACTIVITY_STREAMS + ".jsonld"), byKey.get(key(ACTIVITY_STREAMS)));
        return new ContextDocuments(Map.copyOf(byKey), onRefused);
    }

    /** Whether {@code url} is one of the bundled documents (http or https, with or without a trailing slash). */
    public boolean serves(String url) {
        return url != null && byKey.containsKey(key(url));
    }

    /** The bundled document for {@code url}, if there is one. */
    public Optional<JsonDocument> find(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(url)));
    }

    /** How many loads were refused since start. */
    public long refusals() {
        return refusals.get();
    }

    /** Records a URL that was not served, without a load attempt (the reader drops unknown top-level URLs). */
    void noteRefused(URI url) {
        refusals.incrementAndGet();
        onRefused.accept(url);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonDocument document = url == null ? null : byKey.get(key(url.toString()));
        if (document == null) {
            noteRefused(url);
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "context " + url + " is not bundled and is never fetched");
        }
        return document;
    }

    /** Folds the spellings servers use for the same context: scheme, case of the host, trailing slash. */
    static String key(String url) {
        String s = url.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int slash = s.indexOf('/');
        return slash < 0 ? s.toLowerCase(Locale.ROOT)
                : s.substring(0, slash).toLowerCase(Locale.ROOT) + s.substring(slash);
    }
}
