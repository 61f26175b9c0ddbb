package org.kinship.it.probe;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sys.JenaSystem;

/** Runs in the server: loads Jena as federation code will, reads a small JSON-LD document twice. */
@WebServlet("/jena")
public class JenaProbe extends HttpServlet {
    private static final String DOCUMENT = """
            {"@context": {"as": "https://www.w3.org/ns/activitystreams#", "name": "as:name", "Group": "as:Group"},
             "@id": "https://kinship.example/c/fjordvik", "@type": "Group", "name": "Fjordvik"}
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        StringWriter out = new StringWriter();
        try (PrintWriter lines = new PrintWriter(out)) {
            JenaSystem.init();
            lines.println("titanium-quads=" + JsonLd.toRdf(JsonDocument.of(new StringReader(DOCUMENT))).get().size());
            Graph graph = RDFParser.create().fromString(DOCUMENT).lang(Lang.JSONLD).toGraph();
            lines.println("jena-triples=" + graph.size());
            lines.println("jena-loader=" + JenaSystem.class.getClassLoader());
            lines.println("titanium-loader=" + JsonLd.class.getClassLoader());
            lines.println("json-provider=" + JsonProvider.provider().getClass().getName());
            lines.println("gson-visible=" + visible("com.google.gson.Gson"));
        } catch (Exception | LinkageError e) {
            // A probe: the stack trace is what the failing test should show.
            response.setStatus(500);
            e.printStackTrace(new PrintWriter(out));
        }
        response.getWriter().write(out.toString());
    }

    private static boolean visible(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
