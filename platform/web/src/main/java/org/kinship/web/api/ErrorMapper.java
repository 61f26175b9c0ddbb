package org.kinship.web.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.plugin.api.PluginException;

/**
 * The one place exceptions become HTTP answers. Expected failures keep their code and message;
 * the framework's own client errors get our codes; anything unexpected becomes a 500 with a log
 * id, and its message is logged, never sent (it could hold SQL or someone else's data).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        KinshipException expected = find(thrown, KinshipException.class);
        if (expected != null) {
            return ErrorResponses.of(expected.code(), expected.getMessage());
        }
        PluginException plugin = find(thrown, PluginException.class);
        if (plugin != null) {
            // A plugin's own code: stable by the same promise (see PluginException), not in ErrorCode.
            return Response.status(plugin.status())
                    .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(plugin.code(), plugin.getMessage(), null))
                    .build();
        }
        if (find(thrown, OptimisticLockException.class) != null) {
            return ErrorResponses.of(ErrorCode.CONCURRENT_UPDATE,
                    "Someone changed this at the same moment, so nothing was saved. Please try again.");
        }
        // JsonException: JSON-P's reader on an empty body or a non-object where a JsonObject is expected.
        if (find(thrown, JsonbException.class) != null || find(thrown, JsonParsingException.class) != null
                || find(thrown, jakarta.json.JsonException.class) != null || thrown instanceof ProcessingException) {
            return ErrorResponses.of(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON of the expected shape.");
        }
        if (thrown instanceof NotFoundException) {
            return ErrorResponses.of(ErrorCode.NOT_FOUND, "There is nothing at this address.");
        }
        if (thrown instanceof NotAllowedException) {
            return ErrorResponses.of(ErrorCode.METHOD_NOT_ALLOWED, "This address does not accept that method.");
        }
        if (thrown instanceof NotSupportedException) {
            return ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        if (thrown instanceof NotAcceptableException) {
            return ErrorResponses.of(ErrorCode.NOT_ACCEPTABLE, "This address answers in application/json only.");
        }
        if (thrown instanceof ClientErrorException client && client.getResponse().getStatus() == 400) {
            return ErrorResponses.of(ErrorCode.MALFORMED_REQUEST, "The request is malformed.");
        }
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return ErrorResponses.of(ErrorCode.MALFORMED_REQUEST, "The request could not be processed.");
        }
        String logId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error " + logId, thrown);
        return ErrorResponses.of(ErrorCode.INTERNAL_ERROR,
                "Something went wrong on our side and nothing was changed. Please try again.", logId);
    }

    /** Use cases are wrapped by transaction and EJB interceptors; the cause we care about may be a few levels down. */
    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
