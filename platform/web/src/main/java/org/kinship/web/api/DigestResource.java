package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.kinship.platform.notification.digest.DigestService;
import org.kinship.web.security.CurrentCaller;

/** A member's own e-mail digest settings in one community: off unless they turn it on. */
@Path("/communities/{slug}/digest")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DigestResource {
    @PathParam("slug")
    String slug;

    @Inject
    DigestService digests;

    @Inject
    CurrentCaller caller;

    /** {@code frequency}: OFF, DAILY or WEEKLY; {@code email}: where the digest goes (null when OFF). */
    public record DigestData(String frequency, String email) {
    }

    @GET
    public DigestData get() {
        return data(digests.settings(caller.require(), slug));
    }

    /** Turning it OFF deletes the stored address; a bad address is {@code email_invalid} and changes nothing. */
    @PUT
    public DigestData put(DigestData request) {
        Views.required(request);
        return data(digests.change(caller.require(), slug, request.frequency(), request.email()));
    }

    private static DigestData data(DigestService.Settings settings) {
        return new DigestData(settings.frequency().name(), settings.email());
    }
}
