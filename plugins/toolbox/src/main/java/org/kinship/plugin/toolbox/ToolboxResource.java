package org.kinship.plugin.toolbox;

import jakarta.json.JsonStructure;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinship.plugin.api.PluginRequest;

/**
 * The toolbox on HTTP, under {@code /api/communities/{c}/plugins/toolbox/}: paths, methods and status
 * codes only; what each call may do and see is decided in {@link Toolbox}. Bodies are taken as text and
 * answered as text so that the toolbox, not a binding layer, decides what a malformed body is.
 *
 * <pre>
 * GET                                   overview: my counts, shared with me, curated counts, canCurate
 * GET|POST    {kind}                    goals | activities | network | medications (mine) | exercises | links (curated)
 * GET|PUT|DELETE {kind}/{id}            PUT needs the "version" last read
 * GET|POST    {kind}/{id}/shares        owner only; POST {"memberId"} or {"pseudonym"}
 * DELETE      {kind}/{id}/shares/{memberId}
 * GET         shared-with-me
 * GET         planner?week=2026-W48 | planner?from=2026-11-23
 * </pre>
 */
@Produces(MediaType.APPLICATION_JSON)
public class ToolboxResource {
    private static final String PERSONAL = "{kind: goals|activities|network|medications}";
    private static final String ANY = "{kind: goals|activities|network|medications|exercises|links}";

    private final Toolbox toolbox;

    ToolboxResource(PluginRequest request) {
        this.toolbox = new Toolbox(request);
    }

    private static Response ok(int status, JsonStructure body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }

    @GET
    public Response overview() {
        return ok(200, toolbox.overview());
    }

    @GET
    @Path(ANY)
    public Response list(@PathParam("kind") String kind) {
        return ok(200, toolbox.list(kind));
    }

    @POST
    @Path(ANY)
    public Response create(@PathParam("kind") String kind, String body) {
        return ok(201, toolbox.create(kind, body));
    }

    @GET
    @Path(ANY + "/{id}")
    public Response read(@PathParam("kind") String kind, @PathParam("id") String id) {
        return ok(200, toolbox.read(kind, id));
    }

    @PUT
    @Path(ANY + "/{id}")
    public Response change(@PathParam("kind") String kind, @PathParam("id") String id, String body) {
        return ok(200, toolbox.change(kind, id, body));
    }

    @DELETE
    @Path(ANY + "/{id}")
    public Response delete(@PathParam("kind") String kind, @PathParam("id") String id) {
        toolbox.delete(kind, id);
        return Response.noContent().build();
    }

    @GET
    @Path(PERSONAL + "/{id}/shares")
    public Response shares(@PathParam("kind") String kind, @PathParam("id") String id) {
        return ok(200, toolbox.shares(kind, id));
    }

    @POST
    @Path(PERSONAL + "/{id}/shares")
    public Response share(@PathParam("kind") String kind, @PathParam("id") String id, String body) {
        return ok(201, toolbox.share(kind, id, body));
    }

    @DELETE
    @Path(PERSONAL + "/{id}/shares/{memberId}")
    public Response unshare(@PathParam("kind") String kind, @PathParam("id") String id, @PathParam("memberId") String memberId) {
        toolbox.unshare(kind, id, memberId);
        return Response.noContent().build();
    }

    @GET
    @Path("shared-with-me")
    public Response sharedWithMe() {
        return ok(200, toolbox.sharedWithMe());
    }

    @GET
    @Path("planner")
    public Response planner(@QueryParam("week") String week, @QueryParam("from") String from) {
        return ok(200, toolbox.planner(week, from));
    }
}
