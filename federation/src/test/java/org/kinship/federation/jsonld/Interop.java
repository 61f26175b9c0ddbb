package org.kinship.federation.jsonld;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds ../shared/interop (the corpus is read where it lies, never copied into the repository), for the
 * corpus tests here and the peer-shape tests of the document writer.
 */
public final class Interop {

    private Interop() {
    }

    /** The corpus folder, or the test is skipped loudly. */
    public static Path folder() {
        String configured = System.getProperty("kinship.interop");
        List<Path> candidates = Stream.of(configured, "../../shared/interop", "../shared/interop", "/work/shared/interop")
                .filter(s -> s != null && !s.isBlank()).map(Path::of).toList();
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        String message = "SKIPPED: interop corpus not found (looked in " + candidates
                + "; set -Dkinship.interop=...): the interop tests did not run";
        System.err.println(message);
        assumeTrue(false, message);
        throw new AssertionError("unreachable");
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(folder().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
