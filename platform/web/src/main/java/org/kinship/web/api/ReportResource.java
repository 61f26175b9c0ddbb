package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.moderation.ModerationItem;
import org.kinship.platform.moderation.ModerationService;
import org.kinship.web.security.CurrentCaller;

/** Any member reports a post to the community's moderators. */
@Path("/communities/{slug}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {
    @PathParam("slug")
    String slug;

    @Inject
    ModerationService moderation;

    @Inject
    CurrentCaller caller;

    public record ReportRequest(String postId, String reason) {
    }

    @POST
    public Response report(ReportRequest request) {
        Views.required(request);
        ModerationItem item = moderation.report(caller.require(), slug, Views.uuid(request.postId(), ErrorCode.POST_NOT_FOUND),
                request.reason());
        return Response.status(Response.Status.CREATED).entity(Map.of("id", item.id().toString())).build();
    }
}
