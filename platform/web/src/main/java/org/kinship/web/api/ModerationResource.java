package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.moderation.ModerationAction.Type;
import org.kinship.platform.moderation.ModerationService;
import org.kinship.web.security.CurrentCaller;

/**
 * The moderators' queue and actions, and the audit log. (Reports and notifications have root
 * resources of their own: JAX-RS picks one root resource per request by its literal path, so a
 * resource at /communities/{slug} would shadow every other path under a community.)
 */
@Path("/communities/{slug}/moderation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModerationResource {
    @PathParam("slug")
    String slug;

    @Inject
    ModerationService moderation;

    @Inject
    CurrentCaller caller;

    public record ActionRequest(String reason, String categoryId, Integer minutes) {
    }

    /** A queue item. {@code reporter} is shown to moderators only; it never reaches the reported member. */
    public record ItemData(String id, String kind, boolean urgent, String threadId, String threadTitle, String postId,
                           String member, String memberId, String reporter, String reason, String excerpt,
                           Instant createdAt, String roomId, String roomName, String chatMessageId) {
    }

    public record ActionData(String action, String moderator, String member, String reason, String threadId, String postId,
                             Instant until, Instant at) {
    }

    @GET
    @Path("queue")
    public List<ItemData> queue() {
        var queue = moderation.queue(caller.require(), slug);
        return queue.items().stream().map(i -> new ItemData(i.id().toString(), i.kind().name(), i.urgent(),
                        str(i.threadId()), i.threadId() == null ? null : queue.titles().get(i.threadId()), str(i.postId()),
                        queue.pseudonyms().get(i.subject().value()), i.subject().toString(),
                        i.reporter() == null ? null : queue.pseudonyms().get(i.reporter().value()), i.reason(), i.excerpt(),
                        i.createdAt(), str(i.roomId()), i.roomId() == null ? null : queue.rooms().get(i.roomId()),
                        str(i.chatMessageId())))
                .toList();
    }

    @POST
    @Path("items/{id}/{outcome}")
    public Response close(@PathParam("id") String id, @PathParam("outcome") String outcome, ActionRequest request) {
        boolean dismiss = switch (outcome) {
            case "dismiss" -> true;
            case "resolve" -> false;
            default -> throw new KinshipException(ErrorCode.NOT_FOUND, "An item is dismissed or resolved.");
        };
        moderation.close(caller.require(), slug, Views.uuid(id, ErrorCode.REPORT_NOT_FOUND), dismiss, reason(request));
        return Response.noContent().build();
    }

    @POST
    @Path("posts/{id}/{action}")
    public Response actOnPost(@PathParam("id") String id, @PathParam("action") String action, ActionRequest request) {
        Type type = switch (action) {
            case "hide" -> Type.HIDE_POST;
            case "restore" -> Type.RESTORE_POST;
            default -> throw new KinshipException(ErrorCode.NOT_FOUND, "A post can be hidden or restored.");
        };
        moderation.actOnPost(caller.require(), slug, Views.uuid(id, ErrorCode.POST_NOT_FOUND), type, reason(request));
        return Response.noContent().build();
    }

    @POST
    @Path("threads/{id}/{action}")
    public Response actOnThread(@PathParam("id") String id, @PathParam("action") String action, ActionRequest request) {
        Type type = switch (action) {
            case "hide" -> Type.HIDE_THREAD;
            case "restore" -> Type.RESTORE_THREAD;
            case "lock", "unlock", "pin", "unpin", "move" -> Type.valueOf(action.toUpperCase(Locale.ROOT));
            default -> throw new KinshipException(ErrorCode.NOT_FOUND, "Unknown action on a thread.");
        };
        UUID category = request == null || request.categoryId() == null ? null
                : Views.uuid(request.categoryId(), ErrorCode.CATEGORY_NOT_FOUND);
        moderation.actOnThread(caller.require(), slug, Views.uuid(id, ErrorCode.THREAD_NOT_FOUND), type, reason(request), category);
        return Response.noContent().build();
    }

    @POST
    @Path("members/{id}/{action}")
    public Response actOnMember(@PathParam("id") String id, @PathParam("action") String action, ActionRequest request) {
        Type type = switch (action) {
            case "mute", "unmute", "ban" -> Type.valueOf(action.toUpperCase(Locale.ROOT));
            default -> throw new KinshipException(ErrorCode.NOT_FOUND, "A member can be muted, unmuted or banned.");
        };
        Duration duration = request == null || request.minutes() == null ? null : Duration.ofMinutes(request.minutes());
        moderation.actOnMember(caller.require(), slug, new MemberId(Views.uuid(id, ErrorCode.MEMBER_NOT_FOUND)), type,
                reason(request), duration);
        return Response.noContent().build();
    }

    @GET
    @Path("log")
    public List<ActionData> log() {
        var log = moderation.log(caller.require(), slug);
        return log.actions().stream().map(a -> new ActionData(a.action().name(), log.pseudonyms().get(a.moderator().value()),
                        a.member() == null ? null : log.pseudonyms().get(a.member().value()), a.reason(), str(a.threadId()),
                        str(a.postId()), a.until(), a.createdAt()))
                .toList();
    }

    private static String reason(ActionRequest request) {
        return request == null ? null : request.reason();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
