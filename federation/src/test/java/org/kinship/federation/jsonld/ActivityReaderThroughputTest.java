package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How many typical documents one core reads per second: a Lemmy Announce(Create(Page)) with Lemmy's full
 * context (ActivityStreams + Lemmy terms + Security v1). Printed, not asserted tightly: the machine is shared.
 * For comparison, the same document through Titanium's own pipeline, which processes the context per document.
 */
class ActivityReaderThroughputTest {

    static final String LEMMY_ANNOUNCE = """
            {"@context": ["https://join-lemmy.org/context.json", "https://www.w3.org/ns/activitystreams"],
             "actor": "https://lemmy.example/c/main",
             "to": ["https://www.w3.org/ns/activitystreams#Public"],
             "object": {
               "actor": "https://lemmy.example/u/ada",
               "to": ["https://www.w3.org/ns/activitystreams#Public"],
               "object": {
                 "type": "Page",
                 "id": "https://lemmy.example/post/7",
                 "attributedTo": "https://lemmy.example/u/ada",
                 "to": ["https://lemmy.example/c/main", "https://www.w3.org/ns/activitystreams#Public"],
                 "name": "Evenings are the hardest",
                 "cc": [],
                 "content": "<p>Does anyone else find the evenings hardest? What helps you?</p>",
                 "mediaType": "text/html",
                 "source": {"content": "Does anyone else find the evenings hardest? What helps you?",
                            "mediaType": "text/markdown"},
                 "attachment": [{"type": "Link", "href": "https://example.org/article"}],
                 "commentsEnabled": true, "sensitive": false, "stickied": false,
                 "language": {"identifier": "en", "name": "English"},
                 "published": "2024-11-01T12:11:22.871846Z",
                 "audience": "https://lemmy.example/c/main"
               },
               "cc": ["https://lemmy.example/c/main"],
               "type": "Create",
               "id": "https://lemmy.example/activities/create/2807c9ec-3ad8-4859-a9e0-28b59b6e499f",
               "audience": "https://lemmy.example/c/main"
             },
             "cc": ["https://lemmy.example/c/main/followers"],
             "type": "Announce",
             "id": "https://lemmy.example/activities/announce/8030b171-803a-4108-94b1-342688f375cf"
            }""";

    @Test
    void documentsPerSecondOnOneCore() throws Exception {
        byte[] body = LEMMY_ANNOUNCE.getBytes(StandardCharsets.UTF_8);
        ContextDocuments contexts = ContextDocuments.bundled();
        ActivityReader reader = new ActivityReader(contexts);
        assertTrue(reader.readActivity(body).isRead(), reader.readActivity(body).toString());

        double cached = rate(() -> {
            if (!reader.read(body).isRead()) {
                throw new AssertionError("refused");
            }
        });
        JsonLdOptions options = new JsonLdOptions(contexts);
        double titanium = rate(() -> {
            Triples triples = new Triples();
            JsonLd.toRdf(JsonDocument.of(new ByteArrayInputStream(body))).options(options).provide(triples);
        });
        // Where the time goes, stage by stage, with the same processed context the reader keeps.
        JsonProvider json = JsonProvider.provider();
        BoundedJson bounded = new BoundedJson(json, 32, 16);
        JsonArray context = json.createArrayBuilder().add(ContextDocuments.LEMMY).add(ContextDocuments.ACTIVITY_STREAMS)
                .add(json.createObjectBuilder().add("@vocab", Vocab.UNDEFINED_NS)).build();
        ActiveContext active = new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext().create(context, null);
        JsonObject parsed = ((ReadResult.Read<JsonObject>) bounded.parse(body)).value();
        JsonObject withoutContext = json.createObjectBuilder(parsed).remove("@context").build();
        JsonValue expanded = Expansion.with(active, withoutContext, null, null).compute();
        JsonArray expandedArray = expanded instanceof JsonArray a ? a : json.createArrayBuilder().add(expanded).build();
        double parse = rate(() -> bounded.parse(body));
        double expand = rate(() -> Expansion.with(active, withoutContext, null, null).compute());
        double toRdf = rate(() -> ToRdfProcessor.toRdf(new Triples(), expandedArray, options));
        JsonLdOptions schemeOnly = new JsonLdOptions(contexts);
        schemeOnly.setUriValidation(com.apicatalog.jsonld.uri.UriValidationPolicy.SchemeOnly);
        double toRdfSchemeOnly = rate(() -> ToRdfProcessor.toRdf(new Triples(), expandedArray, schemeOnly));
        double processContext = rate(() -> new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext()
                .create(context, null));
        System.out.printf("  stages: bounded JSON parse %.0f µs, expansion with the kept context %.0f µs, to RDF %.0f µs (%.0f µs with IRI validation scheme-only, as the reader does);"
                + " processing the context itself (what the cache saves) %.0f µs%n",
                1e6 / parse, 1e6 / expand, 1e6 / toRdf, 1e6 / toRdfSchemeOnly, 1e6 / processContext);
        System.out.printf("ActivityReader, Lemmy Announce(Create(Page)), full context: %,.0f documents/s (%.0f µs each)%n",
                cached, 1e6 / cached);
        System.out.printf("Titanium toRdf alone, context processed per document:   %,.0f documents/s (%.0f µs each)%n",
                titanium, 1e6 / titanium);
        assertTrue(cached > 0 && titanium > 0);
    }

    private static double rate(ThrowingRunnable work) throws Exception {
        long warmUpEnd = System.nanoTime() + 700_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            work.run();
        }
        int n = 0;
        long start = System.nanoTime();
        long end = start + 1_000_000_000L;
        while (System.nanoTime() < end) {
            work.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
