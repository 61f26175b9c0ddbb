package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sys.JenaSystem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;

/**
 * The server pieces that federation relies on, checked inside the provisioned WildFly with a small probe
 * WAR instead of the whole application: Apache Jena and Titanium load from the {@code org.apache.jena}
 * server module (with the server's JSON-P) and read JSON-LD.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FederationServerIT {
    private static final String PROBE = "federation-server-probe";

    @Deployment(testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, PROBE + ".war")
                .addClass(JenaProbe.class)
                // What kinship.ear's jboss-deployment-structure.xml says for its lib/ and its WAR.
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.2">
                          <deployment>
                            <dependencies>
                              <module name="org.apache.jena" services="import"/>
                            </dependencies>
                          </deployment>
                        </jboss-deployment-structure>
                        """), "jboss-deployment-structure.xml");
    }

    @Test
    void jenaAndTitaniumComeFromTheServerModuleAndReadJsonLd() {
        Api.Reply reply = Api.anonymous().get(Api.baseUrl() + "/" + PROBE + "/jena");
        assertEquals(200, reply.status(), reply.body());
        Map<String, String> seen = Pattern.compile("\n").splitAsStream(reply.body().strip())
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        assertEquals("2", seen.get("titanium-quads"), "Titanium turned the document into two statements");
        assertEquals("2", seen.get("jena-triples"), "Jena's JSON-LD reader (Titanium inside) read the same two");
        assertTrue(seen.get("jena-loader").contains("\"org.apache.jena\""), "Jena from the module: " + seen.get("jena-loader"));
        assertTrue(seen.get("titanium-loader").contains("\"org.apache.jena\""), "Titanium from the module: " + seen.get("titanium-loader"));
        assertTrue(seen.get("json-provider").startsWith("org.eclipse.parsson."), "the server's JSON-P: " + seen.get("json-provider"));
        assertEquals("false", seen.get("gson-visible"),
                "the module exports only Jena and Titanium; its gson must not shadow a deployment's own");
    }

    /** The module's descriptor is written by hand: it must name exactly the jars the build copied beside it. */
    @Test
    void jenaModuleDescriptorNamesEveryJarBesideIt() throws IOException {
        Path module = Path.of(System.getProperty("jboss.home", "target/server"), "modules", "org", "apache", "jena", "main");
        TreeSet<String> jars;
        try (Stream<Path> files = Files.list(module)) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        TreeSet<String> listed = new TreeSet<>();
        Matcher root = Pattern.compile("<resource-root path=\"([^\"]+)\"").matcher(Files.readString(module.resolve("module.xml")));
        while (root.find()) {
            listed.add(root.group(1));
        }
        assertTrue(jars.contains("jena-arq.jar") && jars.contains("titanium-json-ld.jar") && jars.contains("libthrift.jar"), jars.toString());
        assertEquals(jars, listed, "module.xml's resource roots against the jars in " + module);
    }

    /** Runs in the server: loads Jena as federation code will, reads a small JSON-LD document twice. */
    @WebServlet("/jena")
    public static class JenaProbe extends HttpServlet {
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
}
