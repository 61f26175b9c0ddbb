package org.kinship.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Keycloak (the distribution Maven unpacked into target/) in dev mode with the project's
 * realm file imported afresh. It starts in the background while WildFly starts; {@link #awaitReady()}
 * is what token requests wait on.
 */
final class KeycloakServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final int port;
    private volatile boolean ready;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakServer start(Path home, Path realmFile, int port) {
        try {
            ItEnvironment.deleteTree(home.resolve("data/h2")); // so the realm is imported, not skipped
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile, imports.resolve("kinship-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = home.getParent().resolve("keycloak-it.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + (port + 1000), "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            KeycloakServer server = new KeycloakServer(builder.start(), port);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak from " + home, e);
        }
    }

    String realmUrl() {
        return "http://localhost:" + port + "/realms/kinship";
    }

    synchronized void awaitReady() {
        if (ready) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting; see target/keycloak-it.log");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("Keycloak did not become ready within " + START_TIMEOUT);
    }

    /** kc.sh may run Java as a child rather than exec it, so stop the whole tree. */
    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
