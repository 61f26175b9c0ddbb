package org.kinship.federation.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of fetching one remote document: its bytes, or why there are none. Fetching never
 * throws for network trouble or bad answers; callers switch on this instead of catching.
 */
public sealed interface FetchResult {

    /**
     * A 2xx answer of an ActivityStreams JSON type within the size limit.
     *
     * @param uri         where the document was finally found, after redirects: the reader's
     *                    same-origin check must use this, not the URL asked for
     * @param contentType the Content-Type as the peer sent it
     */
    record Fetched(URI uri, String contentType, byte[] body, Duration elapsed) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(contentType, "contentType");
            body = body.clone();
            Objects.requireNonNull(elapsed, "elapsed");
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /**
     * No document.
     *
     * @param problem a stable reason; {@link OutboundProblem#isTransient()} tells "try later"
     *                (the key resolver's KeyUnavailable) from "there is nothing to have"
     * @param status  the HTTP status of the last answer, or -1 when none came
     * @param uri     the URL that failed (the last one, when redirects were followed)
     * @param detail  one sentence for the operator, with an excerpt of the answer body if any
     */
    record Refused(OutboundProblem problem, int status, URI uri, Optional<Instant> retryAt, String detail,
                   Duration elapsed) implements FetchResult {
        public Refused {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    default boolean isFetched() {
        return this instanceof Fetched;
    }
}
