package org.kinship.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinship.platform.error.ErrorCode;

/** Builds the one error response shape. */
final class ErrorResponses {
    private ErrorResponses() {
    }

    static Response of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    static Response of(ErrorCode code, String message, String logId) {
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code.wireName(), message, logId))
                .build();
    }
}
