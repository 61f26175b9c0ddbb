package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

/**
 * Jena starts with the dependencies the poms give it (its start-up loads every I/O format, so a
 * dependency excluded to save space broke it once) and reads JSON-LD with an inline context,
 * nothing fetched.
 */
class JenaStartsTest {
    @Test
    void jenaReadsJsonLdWithAnInlineContext() {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create()
                .source(new StringReader("{\"@context\": {\"name\": \"https://www.w3.org/ns/activitystreams#name\"},"
                        + " \"@id\": \"https://example.org/c/1\", \"name\": \"A thread\"}"))
                .lang(Lang.JSONLD)
                .parse(model);
        assertEquals(1, model.size());
        assertEquals("A thread", model.listObjects().next().asLiteral().getString());
    }
}
