package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.kinship.platform.safety.SafetySignals;
import org.kinship.web.security.CurrentCaller;

/** The community's crisis word list: moderators read it, admins replace it or reset it to the default. */
@Path("/communities/{slug}/safety/phrases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SafetyResource {
    @PathParam("slug")
    String slug;

    @Inject
    SafetySignals safety;

    @Inject
    CurrentCaller caller;

    public record PhrasesRequest(List<String> phrases) {
    }

    @GET
    public SafetySignals.PhraseList phrases() {
        return safety.phrases(caller.require(), slug);
    }

    @PUT
    public SafetySignals.PhraseList replace(PhrasesRequest request) {
        Views.required(request);
        return safety.replace(caller.require(), slug, request.phrases());
    }

    @DELETE
    public SafetySignals.PhraseList reset() {
        return safety.reset(caller.require(), slug);
    }
}
