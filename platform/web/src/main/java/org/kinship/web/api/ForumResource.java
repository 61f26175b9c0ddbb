package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.federation.FederatedOrigins;
import org.kinship.platform.forum.Category;
import org.kinship.platform.forum.ForumSearch;
import org.kinship.platform.forum.ForumService;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.ReactionKind;
import org.kinship.platform.forum.StartPolicy;
import org.kinship.web.api.ForumPayloads.CategoryData;
import org.kinship.web.api.ForumPayloads.CategoryRequest;
import org.kinship.web.api.ForumPayloads.PostData;
import org.kinship.web.api.ForumPayloads.SharingData;
import org.kinship.web.api.ForumPayloads.ThreadData;
import org.kinship.web.api.ForumPayloads.ThreadSummary;
import org.kinship.web.security.CurrentCaller;

/** The forum of one community: categories, threads, posts, reactions, read markers and closed circles. */
@Path("/communities/{slug}/forum")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForumResource {
    @PathParam("slug")
    String slug;

    @Inject
    ForumService forum;

    @Inject
    ForumSearch search;

    @Inject
    CurrentCaller caller;

    @Inject
    FederatedOrigins origins;

    // ---- categories ----

    @GET
    @Path("categories")
    public List<CategoryData> categories() {
        return forum.categories(caller.require(), slug).stream().map(ForumResource::category).toList();
    }

    @POST
    @Path("categories")
    public Response createCategory(CategoryRequest request) {
        Category c = forum.createCategory(caller.require(), slug, details(request));
        return Response.status(Response.Status.CREATED).entity(category(c)).build();
    }

    @PUT
    @Path("categories/{id}")
    public CategoryData updateCategory(@PathParam("id") String id, CategoryRequest request) {
        return category(forum.updateCategory(caller.require(), slug, Views.uuid(id, ErrorCode.CATEGORY_NOT_FOUND), details(request)));
    }

    @DELETE
    @Path("categories/{id}")
    public Response deleteCategory(@PathParam("id") String id) {
        forum.deleteCategory(caller.require(), slug, Views.uuid(id, ErrorCode.CATEGORY_NOT_FOUND));
        return Response.noContent().build();
    }

    @GET
    @Path("categories/{id}/threads")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ThreadSummary.class)))
    public Response categoryThreads(@PathParam("id") String id, @QueryParam("view") String view,
                                    @QueryParam("page") @DefaultValue("0") int page) {
        ForumService.Listing listing = forum.threads(caller.require(), slug, Views.uuid(id, ErrorCode.CATEGORY_NOT_FOUND),
                view(view), page);
        var cameFrom = ForumJson.origins(listing, origins);
        return json(out -> ForumJson.listing(listing, cameFrom, out));
    }

    // ---- threads ----

    /** Latest or unanswered threads across the community's categories. */
    @GET
    @Path("threads")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ThreadSummary.class)))
    public Response threads(@QueryParam("view") String view, @QueryParam("page") @DefaultValue("0") int page) {
        ForumService.Listing listing = forum.threads(caller.require(), slug, null, view(view), page);
        var cameFrom = ForumJson.origins(listing, origins);
        return json(out -> ForumJson.listing(listing, cameFrom, out));
    }

    @POST
    @Path("threads")
    public Response startThread(ForumPayloads.NewThreadRequest request) {
        Views.required(request);
        var written = forum.startThread(caller.require(), slug, new ForumService.NewThread(
                request.categoryId() == null ? null : Views.uuid(request.categoryId(), ErrorCode.CATEGORY_NOT_FOUND),
                request.title(), request.body(), request.contentWarning(), request.circle()));
        return Response.status(Response.Status.CREATED).entity(written(written)).build();
    }

    /** One page of a thread (50 posts from {@code from}); encoded by ForumJson, its shape is ThreadData. */
    @GET
    @Path("threads/{id}")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ThreadData.class)))
    public Response thread(@PathParam("id") String id, @QueryParam("from") @DefaultValue("0") int from) {
        ForumService.ThreadPage page = forum.read(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), from);
        int next = page.posts().isEmpty() ? from : page.posts().get(page.posts().size() - 1).seq() + 1;
        boolean more = next < page.thread().postCount();
        var cameFrom = ForumJson.origins(page, origins);
        return json(out -> ForumJson.threadPage(page, cameFrom, next, more, out));
    }

    /** The answer is complete in memory before it is streamed: writing it cannot fail half-way for a reason of ours. */
    private static Response json(StreamingOutput body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("threads/{id}/posts")
    public Response reply(@PathParam("id") String id, ForumPayloads.ReplyRequest request) {
        Views.required(request);
        var written = forum.reply(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), new ForumService.NewReply(
                request.inReplyTo() == null ? null : Views.uuid(request.inReplyTo(), ErrorCode.POST_NOT_FOUND),
                request.body(), request.contentWarning()));
        return Response.status(Response.Status.CREATED).entity(written(written)).build();
    }

    @POST
    @Path("threads/{id}/read")
    public Response markRead(@PathParam("id") String id, ForumPayloads.ReadRequest request) {
        Views.required(request);
        if (request.seq() == null || request.seq() < 0) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "seq must be a post's sequence number (0 or more).");
        }
        forum.markRead(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), request.seq());
        return Response.noContent().build();
    }

    // ---- sharing beyond the community ----

    /**
     * The author shares the thread with the communities this one federates with ({@code {"shared": true}})
     * or stops sharing it (false). Read as JSON itself: JSON-B would take "yes" or 0 for false and quietly
     * withdraw (or never give) consent, which must be said in so many words.
     */
    @PUT
    @Path("threads/{id}/sharing")
    public SharingData setSharing(@PathParam("id") String id, String body) {
        JsonValue shared = jsonObject(body).get("shared");
        JsonValue.ValueType type = shared == null ? JsonValue.ValueType.NULL : shared.getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "Say whether the thread is shared beyond the community: {\"shared\": true} or false.");
        }
        ForumThread thread = forum.setSharing(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND),
                type == JsonValue.ValueType.TRUE);
        return sharing(thread, true);
    }

    /** A moderator or admin asks the author to share the thread; nothing is shared until the author agrees. */
    @POST
    @Path("threads/{id}/sharing/request")
    public SharingData requestSharing(@PathParam("id") String id) {
        return sharing(forum.requestSharing(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND)), true);
    }

    /** The author declines a moderator's request to share. (Accepting is sharing: the PUT above.) */
    @POST
    @Path("threads/{id}/sharing/decline")
    public SharingData declineSharing(@PathParam("id") String id) {
        return sharing(forum.declineSharing(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND)), true);
    }

    /**
     * A body parsed here rather than by the JSON-P provider, which answers an empty body with an unmapped
     * JsonException (a 500): any body that is not one JSON object is malformed_request.
     */
    private static JsonObject jsonObject(String body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            value = null;
        }
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new KinshipException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }

    /** Only the author and moderators reach the sharing endpoints, and both may know of a pending request. */
    private static SharingData sharing(ForumThread t, boolean seesRequest) {
        return new SharingData(t.isShared(), seesRequest && t.shareRequested());
    }

    // ---- posts ----

    @PUT
    @Path("posts/{id}")
    public ForumPayloads.WrittenData edit(@PathParam("id") String id, ForumPayloads.EditRequest request) {
        Views.required(request);
        return written(forum.edit(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND),
                new ForumService.Edit(request.title(), request.body(), request.contentWarning())));
    }

    @DELETE
    @Path("posts/{id}")
    public Response delete(@PathParam("id") String id) {
        forum.delete(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND));
        return Response.noContent().build();
    }

    @GET
    @Path("posts/{id}/history")
    public List<ForumPayloads.RevisionData> history(@PathParam("id") String id) {
        return forum.history(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND)).stream()
                .map(r -> new ForumPayloads.RevisionData(r.title(), r.bodySource(), r.contentWarning(), r.replacedAt()))
                .toList();
    }

    @PUT
    @Path("posts/{id}/reactions/{kind}")
    public Response react(@PathParam("id") String id, @PathParam("kind") String kind) {
        forum.react(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND), ReactionKind.parse(kind));
        return Response.noContent().build();
    }

    @DELETE
    @Path("posts/{id}/reactions/{kind}")
    public Response unreact(@PathParam("id") String id, @PathParam("kind") String kind) {
        forum.unreact(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND), ReactionKind.parse(kind));
        return Response.noContent().build();
    }

    /** Search this community's forum: only ever what the searcher may read. */
    @GET
    @Path("search")
    public List<ForumPayloads.SearchHit> search(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        return search.search(caller.require(), slug, q, page).stream()
                .map(h -> new ForumPayloads.SearchHit(h.thread().id().toString(), h.thread().title(),
                        h.thread().visibility().name(), h.post().id().toString(), h.post().seq(), h.author(),
                        excerpt(h.post().bodyText()), h.post().createdAt()))
                .toList();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 240 ? text : text.substring(0, 239) + "…";
    }

    // ---- closed circles ----

    @GET
    @Path("circles")
    public ForumPayloads.CirclesData circles() {
        var circles = forum.circles(caller.require(), slug);
        return new ForumPayloads.CirclesData(summaries(circles.joined()), summaries(circles.invited()));
    }

    @POST
    @Path("threads/{id}/circle/members")
    public Response invite(@PathParam("id") String id, ForumPayloads.CircleInviteRequest request) {
        Views.required(request);
        forum.inviteToCircle(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), request.pseudonym());
        return Response.noContent().build();
    }

    @POST
    @Path("threads/{id}/circle/accept")
    public Response accept(@PathParam("id") String id) {
        forum.answerCircleInvitation(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), true);
        return Response.noContent().build();
    }

    @POST
    @Path("threads/{id}/circle/decline")
    public Response decline(@PathParam("id") String id) {
        forum.answerCircleInvitation(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), false);
        return Response.noContent().build();
    }

    @DELETE
    @Path("threads/{id}/circle/members/{memberId}")
    public Response removeFromCircle(@PathParam("id") String id, @PathParam("memberId") String memberId) {
        forum.removeFromCircle(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND),
                new MemberId(Views.uuid(memberId, ErrorCode.MEMBER_NOT_FOUND)));
        return Response.noContent().build();
    }

    // ---- translation ----

    private static ForumPayloads.WrittenData written(ForumService.Written written) {
        Post p = written.post();
        PostData data = new PostData(p.id().toString(), p.seq(), written.pseudonym(), p.author().toString(),
                p.inReplyTo() == null ? null : p.inReplyTo().toString(), ForumJson.state(p, true), p.contentWarning(), p.bodyHtml(),
                p.bodySource(), p.createdAt(), p.editedAt(), Map.of(), List.of(), false, null);
        List<Payloads.CrisisResourceData> support = written.crisisSupport().stream()
                .map(r -> new Payloads.CrisisResourceData(r.label(), r.phone(), r.description())).toList();
        return new ForumPayloads.WrittenData(written.thread().id().toString(), data, support);
    }

    private static List<ThreadSummary> summaries(ForumService.Listing listing) {
        return listing.threads().stream().map(t -> summary(t, listing, listing.unread(t))).toList();
    }

    private static ThreadSummary summary(ForumThread t, ForumService.Listing listing, int unread) {
        return new ThreadSummary(t.id().toString(), t.categoryId() == null ? null : t.categoryId().toString(),
                t.visibility().name(), t.title(), listing.pseudonyms().get(t.author().value()), t.pinned(), t.locked(),
                t.hidden(), t.needsWelcome(), t.replyCount(),
                sharing(t, ForumService.seesShareRequest(listing.reader(), t)), Math.max(0, unread), t.createdAt(),
                t.lastActivityAt(), null); // no origin: circles never come from elsewhere
    }

    private static CategoryData category(Category c) {
        return new CategoryData(c.id().toString(), c.name(), c.description(), c.sortOrder(), c.whoMayStart().name(),
                c.holdsRemote());
    }

    private static Category.Details details(CategoryRequest request) {
        Views.required(request);
        StartPolicy policy;
        try {
            policy = request.whoMayStart() == null ? null : StartPolicy.valueOf(request.whoMayStart().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "whoMayStart is MEMBERS or MODERATORS.");
        }
        return new Category.Details(request.name(), request.description(),
                request.sortOrder() == null ? 0 : request.sortOrder(), policy);
    }

    private static ForumService.View view(String view) {
        if (view == null || view.isBlank()) {
            return ForumService.View.LATEST;
        }
        try {
            return ForumService.View.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "view is 'latest' or 'unanswered'.");
        }
    }
}
