package org.kinship.federation.signature;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the HTTP-signature test vectors from {@code ../shared/interop/http-signatures/} at test
 * time (they are not copied into the repository). A missing folder skips the tests loudly.
 */
final class Interop {

    private Interop() {
    }

    static Optional<Path> signatureVectorsFolder() {
        String configured = System.getProperty("kinship.interop.dir");
        if (configured != null) {
            Path folder = Paths.get(configured, "http-signatures");
            return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
        }
        // Walk up from the module folder: the worktree's sibling "shared" holds the corpus.
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/interop/http-signatures"), dir.resolveSibling("shared/interop/http-signatures")}) {
                if (candidate != null && Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The vector file, or the test is skipped with a message on stderr and in the report. */
    static JsonObject vectors(String fileName) {
        Optional<Path> folder = signatureVectorsFolder();
        if (folder.isEmpty() || !Files.isRegularFile(folder.get().resolve(fileName))) {
            String message = "SKIPPED: HTTP-signature vectors not found (looked for ../shared/interop/http-signatures/"
                    + fileName + " above " + Paths.get("").toAbsolutePath() + "; set -Dkinship.interop.dir to the interop folder)";
            System.err.println(message);
            Assumptions.abort(message);
        }
        try (Reader reader = Files.newBufferedReader(folder.get().resolve(fileName), StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(reader)) {
            return json.readObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a raw HTTP/1.1 message as the vectors write it. Requests get the absolute target
     * {@code https://<Host><request-target>}, as RFC 9421's examples assume.
     */
    static HttpMessage parseRaw(String raw) {
        int split = raw.indexOf("\n\n");
        String head = split < 0 ? raw : raw.substring(0, split);
        String body = split < 0 ? "" : raw.substring(split + 2);
        String[] lines = head.split("\n");
        Headers headers = Headers.empty();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers = headers.with(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
        }
        String[] start = lines[0].split(" ");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (start[0].startsWith("HTTP/")) {
            return HttpMessage.response(Integer.parseInt(start[1]), headers, bytes);
        }
        URI target = URI.create("https://" + headers.first("host").orElseThrow() + start[1]);
        return HttpMessage.request(start[0], target, headers, bytes);
    }
}
