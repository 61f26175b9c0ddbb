package org.kinship.it.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.kinship.plugin.api.KinshipPlugin;

/**
 * The EAR of the plugin ITs, made the way README tells an operator to: deploy/plugin.sh adds the
 * third-party example plugin (built by this module outside the reactor, against the published API
 * jar) and a plugin built for an incompatible API version to the kinship.ear this module built.
 */
public final class PluginPackaging {
    public static final String EXAMPLE_ID = "mood-checkin";

    private PluginPackaging() {
    }

    /** What deploy/plugin.sh printed while making the EAR, for the ITs to check. */
    public record Packed(EnterpriseArchive ear, String output) {
    }

    /** Where {@link #earWithPlugins()} writes the EAR: target/plugin-it/kinship.ear. */
    public static Path earPath() {
        return Path.of(System.getProperty("kinship.ear", "target/kinship.ear")).toAbsolutePath().getParent()
                .resolve("plugin-it").resolve("kinship.ear");
    }

    public static Packed earWithPlugins() {
        Path ear = earPath();
        Path work = ear.getParent();
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(ear);
            Path future = work.resolve("from-the-future-0.9.0.jar");
            ShrinkWrap.create(JavaArchive.class, future.getFileName().toString())
                    .addClass(PluginFromTheFuture.class)
                    .addAsResource(new StringAsset(PluginFromTheFuture.class.getName() + "\n"),
                            "META-INF/services/" + KinshipPlugin.class.getName())
                    .as(ZipExporter.class).exportTo(future.toFile(), true);
            StringBuilder output = new StringBuilder();
            output.append(run("add", exampleJar().toString(), original().toString(), "-o", ear.toString()));
            output.append(run("add", future.toString(), ear.toString()));
            output.append(run("list", ear.toString()));
            EnterpriseArchive archive = ShrinkWrap.create(ZipImporter.class, "kinship.ear").importFrom(ear.toFile()).as(EnterpriseArchive.class);
            return new Packed(archive, output.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example plugin's jar, as ear/pom.xml builds it (pre-integration-test). */
    public static Path exampleJar() {
        Path jar = Path.of(System.getProperty("kinship.plugin-example.jar", "target/plugin-example/mood-checkin/target/mood-checkin-1.0.0.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The example plugin was not built at " + jar + ": run the ITs with mvn verify");
        }
        return jar;
    }

    private static Path original() {
        File ear = new File(System.getProperty("kinship.ear", "target/kinship.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("kinship.ear not found at " + ear + ": run the ITs with mvn verify");
        }
        return ear.toPath();
    }

    /** Runs deploy/plugin.sh and returns what it printed; fails on a non-zero exit. */
    public static String run(String... arguments) {
        Result r = script(arguments);
        if (r.exit() != 0) {
            throw new IllegalStateException("deploy/plugin.sh " + String.join(" ", arguments) + " failed (" + r.exit() + "): " + r.output());
        }
        return r.output();
    }

    public record Result(int exit, String output) {
    }

    /** Runs deploy/plugin.sh, whatever it exits with. */
    public static Result script(String... arguments) {
        Path script = Path.of(System.getProperty("kinship.deploy.dir", "../deploy"), "plugin.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("deploy/plugin.sh did not finish: " + out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's log file, where the host writes which plugins it loaded and refused. */
    public static Path serverLog() {
        return Path.of(System.getProperty("jboss.home", "target/server"), "standalone", "log", "server.log");
    }
}
