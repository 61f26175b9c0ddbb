package org.kinship.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A second Kinship server ("B") beside the one Arquillian manages ("A", {@link Api#baseUrl()}), so that
 * federation is tested between two real servers. B runs the same provisioned WildFly ({@code ear/target/server})
 * and the same {@code kinship.ear}, with a base directory of its own ({@code ear/target/second-server}: its
 * configuration, deployments, data and {@code log/server.log}, kept for debugging), its own PostgreSQL
 * database ({@code <it.db.name>_b}, made afresh), the port offset of A plus {@value #OFFSET_FROM_A}, and the
 * same Keycloak realm, so {@link Tokens} work on both. Its environment is the one failsafe gives A, with its
 * own database and public URL, and federation allowed to reach loopback over plain http.
 *
 * <p>Its public URL is https (on its https port, with the ITs' certificate) when the server has an https
 * listener and the ITs' key store is configured ({@code KINSHIP_TLS_KEYSTORE}), else http. Peers built on
 * real Fediverse software (the Fedify IT) need https: they look handles up by WebFinger on https only.
 *
 * <p>One B serves the whole test run. A test class registers it as an extension:
 * <pre>{@code @RegisterExtension static final SecondServer B = SecondServer.shared();}</pre>
 * Reading that field boots B (in the background, while Arquillian starts and deploys A); the extension's
 * {@code beforeAll} waits until B answers (at most {@value #START_SECONDS} s) and hands it to JUnit's root store,
 * which closes it when the run ends. A shutdown hook stops it too, and the next run kills a B that a killed
 * JVM left behind (by the process id in its base directory).
 */
public final class SecondServer implements BeforeAllCallback, AutoCloseable {
    static final int OFFSET_FROM_A = 50;
    static final int START_SECONDS = 180;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SecondServer.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SecondServer shared;

    private final int offset;
    private final int httpPort;
    private final int httpsPort;
    private final int managementPort;
    private final boolean https;
    private final Path home;
    private final Path baseDir;
    private final String database;
    private volatile Process process;
    private volatile Instant startedAt;
    private volatile RuntimeException failure;
    private volatile boolean ready;

    private SecondServer() {
        home = Path.of(System.getProperty("jboss.home", "target/server")).toAbsolutePath();
        baseDir = home.getParent().resolve("second-server");
        offset = Integer.getInteger("kinship.it.offset", 200) + OFFSET_FROM_A;
        httpPort = 8080 + offset;
        httpsPort = 8443 + offset;
        managementPort = 9990 + offset;
        database = System.getProperty("kinship.it.db.name", "kinship_it") + "_b";
        https = hasHttpsListener(home) && !System.getenv().getOrDefault("KINSHIP_TLS_KEYSTORE", "").isBlank();
    }

    /** The run's second server, booting from the first call on. Never throws: a failed start is reported by {@link #beforeAll}. */
    public static synchronized SecondServer shared() {
        if (shared == null) {
            shared = new SecondServer();
            shared.boot();
        }
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store is closed when the whole run ends: one B for every class that uses it.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SecondServer.class, k -> this, SecondServer.class);
        awaitReady();
    }

    /** Where tests call B's REST API (plain http: the test client needs no certificate). */
    public String apiUrl() {
        return "http://localhost:" + httpPort;
    }

    /** B's public URL ({@code KINSHIP_PUBLIC_URL}): the base of its ActivityPub ids. */
    public String publicUrl() {
        return https ? "https://localhost:" + httpsPort : apiUrl();
    }

    /** Whether B's public URL is https (so Fedify and other https-only peers can find it). */
    public boolean servesHttps() {
        return https;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The domain in B's handles: {@code slug@localhost:<port of the public URL>}. */
    public String handleDomain() {
        return URI.create(publicUrl()).getAuthority();
    }

    /** A caller signed in as one of the realm's users, on B. */
    public Api as(String user) {
        return Api.as(user).on(apiUrl());
    }

    public Api anonymous() {
        return Api.anonymous().on(apiUrl());
    }

    public Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    // --- start ----------------------------------------------------------------------------------------------

    private void boot() {
        try {
            if (System.getProperty("jboss.home") == null || System.getProperty("kinship.it.db.name") == null) {
                throw new IllegalStateException("it runs under failsafe only (jboss.home and kinship.it.db.name are set "
                        + "there): run the ITs with mvn verify");
            }
            killLeftover();
            checkPorts();
            prepareBaseDir();
            recreateDatabase(database);
            startedAt = Instant.now();
            process = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-second-kinship"));
        } catch (RuntimeException | IOException e) {
            failure = new IllegalStateException("The second Kinship server could not be started: " + e.getMessage(), e);
        }
    }

    private Process launch() throws IOException {
        List<String> command = List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + offset,
                // Also as system properties, for a server configuration that does not map the environment
                // variables below onto them (the variables win where it does).
                "-Dkinship.federation.allow-loopback=true",
                "-Dkinship.federation.allow-http=true");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        // The rest of the environment is what failsafe gives A (ear/pom.xml): PostgreSQL, Keycloak, TLS, chat limits.
        env.remove("JAVA_OPTS");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JBOSS_HOME", home.toString());
        env.put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx768m");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        env.put("JBOSS_PIDFILE", pidFile().toString());
        env.put("KINSHIP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        env.put("KINSHIP_PUBLIC_URL", publicUrl());
        env.put("KINSHIP_FEDERATION_ALLOW_LOOPBACK", "true");
        env.put("KINSHIP_FEDERATION_ALLOW_HTTP", "true");
        // B sends no mail: the test JVM's SMTP server (DigestIT's) must only ever see A's.
        env.put("KINSHIP_SMTP_PORT", "9");
        env.remove("KINSHIP_DIGEST_INTERVAL_SECONDS");
        return builder.start();
    }

    private void prepareBaseDir() throws IOException {
        ItEnvironment.deleteTree(baseDir);
        Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
        Path from = home.resolve("standalone/configuration");
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, configuration.resolve(f.getFileName()));
                }
            }
        }
        Path ear = Path.of(System.getProperty("kinship.ear", home.getParent().resolve("kinship.ear").toString()));
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("kinship.ear not found at " + ear + ": run the ITs with mvn verify");
        }
        Files.copy(ear, Files.createDirectories(baseDir.resolve("deployments")).resolve("kinship.ear"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void recreateDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unexpected database name " + name);
        }
        try (Connection c = DriverManager.getConnection(Postgres.adminUrl(), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (trust auth for postgres) is needed: " + e.getMessage(), e);
        }
    }

    /** B's ports must not be A's or Keycloak's, nor taken by anything else. */
    private void checkPorts() {
        List<Integer> ours = List.of(httpPort, httpsPort, managementPort, 9993 + offset, 8009 + offset);
        Map<String, Integer> others = new java.util.LinkedHashMap<>();
        others.put("A's http", Integer.getInteger("kinship.it.http-port", 8280));
        others.put("A's management", Integer.getInteger("kinship.it.management-port", 10190));
        others.put("A's https", 8443 + offset - OFFSET_FROM_A);
        others.put("Keycloak", Integer.getInteger("keycloak.port", 8380));
        others.put("Keycloak's management", Integer.getInteger("keycloak.port", 8380) + 1000);
        others.put("the SMTP server", Integer.getInteger("kinship.it.smtp-port", 3025));
        for (Map.Entry<String, Integer> other : others.entrySet()) {
            if (ours.contains(other.getValue())) {
                throw new IllegalStateException("The second server's port offset " + offset + " puts one of its ports " + ours
                        + " on " + other.getKey() + " (" + other.getValue() + "); choose another it.port.offset");
            }
        }
        for (int port : ours) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 300);
                throw new IllegalStateException("Port " + port + " (second server, offset " + offset + ") is taken by another process");
            } catch (IOException free) {
                // nothing listens: good
            }
        }
    }

    private Path pidFile() {
        return baseDir.getParent().resolve("second-server.pid");
    }

    /** A B left behind by a JVM that was killed (no shutdown hook ran) would hold the ports. */
    private void killLeftover() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return;
        }
        try {
            Optional<ProcessHandle> old = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
            old.filter(p -> p.info().commandLine().map(c -> c.contains(baseDir.toString())).orElse(false))
                    .ifPresent(SecondServer::stopTree);
        } catch (NumberFormatException e) {
            // not ours
        }
        Files.deleteIfExists(pid);
    }

    private static boolean hasHttpsListener(Path home) {
        try {
            return Files.readString(home.resolve("standalone/configuration/standalone.xml"), StandardCharsets.UTF_8)
                    .contains("<https-listener");
        } catch (IOException e) {
            return false;
        }
    }

    // --- ready and stop ---------------------------------------------------------------------------------------

    /** Blocks until B has deployed Kinship and answers on http, or fails with where to look. */
    public synchronized void awaitReady() {
        if (failure != null) {
            throw failure;
        }
        if (ready) {
            return;
        }
        Path deployments = baseDir.resolve("deployments");
        Instant deadline = startedAt.plusSeconds(START_SECONDS);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(apiUrl() + "/.well-known/nodeinfo"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw fail("exited while starting (exit " + process.exitValue() + ")");
            }
            if (Files.exists(deployments.resolve("kinship.ear.failed"))) {
                throw fail("could not deploy kinship.ear: " + read(deployments.resolve("kinship.ear.failed")));
            }
            if (Files.exists(deployments.resolve("kinship.ear.deployed"))) {
                try {
                    if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        ready = true;
                        return;
                    }
                } catch (IOException notYet) {
                    // listening soon
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw fail("interrupted while waiting");
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("interrupted while waiting");
            }
        }
        throw fail("did not answer within " + START_SECONDS + " s");
    }

    private RuntimeException fail(String what) {
        failure = new IllegalStateException("The second Kinship server (" + apiUrl() + ") " + what + "; see "
                + serverLog() + " and " + baseDir.resolve("console.log") + ". Last lines:\n" + tail(serverLog(), 30));
        close();
        return failure;
    }

    /** Stops B and everything it started: SIGTERM first (WildFly shuts down cleanly), then by force. */
    @Override
    public synchronized void close() {
        Process p = process;
        if (p != null) {
            stopTree(p.toHandle());
        }
    }

    private static void stopTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        Instant until = Instant.now().plusSeconds(30);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, Duration.between(Instant.now(), until).toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                h.destroyForcibly();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable)";
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
