package org.kinship.federation.document;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds ../shared/interop (read where it lies, never copied into the repository) and reads JSON from it. */
final class Interop {

    private Interop() {
    }

    /** The corpus folder, or the test is skipped loudly. */
    static Path folder() {
        String configured = System.getProperty("kinship.interop");
        List<Path> candidates = Stream.of(configured, "../../shared/interop", "../shared/interop", "/work/shared/interop")
                .filter(s -> s != null && !s.isBlank()).map(Path::of).toList();
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        String message = "SKIPPED: interop corpus not found (looked in " + candidates
                + "; set -Dkinship.interop=...): the peer shape tests did not run";
        System.err.println(message);
        assumeTrue(false, message);
        throw new AssertionError("unreachable");
    }

    static JsonObject json(String relative) {
        Path file = folder().resolve(relative);
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Fields.JSON.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
