package org.kinship.federation.jsonld;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RDF statements of one document, as Titanium (the JSON-LD processor inside Jena) emits them, indexed
 * by subject and predicate: the only access {@link GraphReader} needs. A Jena graph would do the same,
 * but Jena's system initialisation loads RIOT, which needs the RDF Thrift classes this module excludes
 * (NoClassDefFoundError: org/apache/thrift/TException); and the index is cheaper per document.
 * Statements in named graphs (never used by ActivityPub) are dropped.
 */
final class Triples implements RdfQuadConsumer {

    /** A subject or object: an IRI, a blank node ({@code _:b0}) or a literal. */
    record Term(String value, boolean literal, String datatype, String language) {

        static Term resource(String name) {
            return new Term(name, false, null, null);
        }

        boolean isIri() {
            return !literal && !RdfQuadConsumer.isBlank(value);
        }

        boolean hasLanguage() {
            return language != null && !language.isEmpty();
        }
    }

    private final Map<String, Map<String, List<Term>>> bySubject = new HashMap<>();

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
            String direction, String graph) {
        if (graph != null) {
            return this;
        }
        Term value = datatype != null || language != null
                ? new Term(object, true, datatype, language)
                : Term.resource(object);
        bySubject.computeIfAbsent(subject, s -> new HashMap<>(8))
                .computeIfAbsent(predicate, p -> new java.util.ArrayList<>(2))
                .add(value);
        return this;
    }

    /** The values of one property, in the order they were emitted. */
    List<Term> values(Term subject, String predicate) {
        if (subject.literal()) {
            return List.of();
        }
        Map<String, List<Term>> properties = bySubject.get(subject.value());
        if (properties == null) {
            return List.of();
        }
        List<Term> values = properties.get(predicate);
        return values == null ? List.of() : values;
    }

    /** All properties of a subject. */
    Map<String, List<Term>> properties(Term subject) {
        return subject.literal() ? Map.of() : bySubject.getOrDefault(subject.value(), Map.of());
    }

    /** Whether the document said anything about this node (it was embedded, not only named). */
    boolean describes(Term node) {
        return !node.literal() && bySubject.containsKey(node.value());
    }

    int size() {
        return bySubject.values().stream().mapToInt(p -> p.values().stream().mapToInt(List::size).sum()).sum();
    }
}
