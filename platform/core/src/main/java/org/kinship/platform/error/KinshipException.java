package org.kinship.platform.error;

import java.util.Objects;

/**
 * An expected failure of a use case, carrying its stable {@link ErrorCode}. The message is written
 * for the person using the client and is safe to show: it never contains stack traces, SQL or
 * another member's private data.
 */
public class KinshipException extends RuntimeException {
    private final ErrorCode code;

    public KinshipException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
