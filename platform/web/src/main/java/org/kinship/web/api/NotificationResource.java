package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.kinship.platform.notification.NotificationService;
import org.kinship.web.security.CurrentCaller;

/** A member's notifications in one community. */
@Path("/communities/{slug}/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    @PathParam("slug")
    String slug;

    @Inject
    NotificationService notifications;

    @Inject
    CurrentCaller caller;

    /** {@code meetupId} and {@code dateId} for meetup news (cancellations, reminders, going together). */
    public record NotificationData(String id, String kind, String threadId, String postId, String actor, String detail,
                                   boolean read, Instant at, String meetupId, String dateId) {
    }

    @GET
    public List<NotificationData> list() {
        var inbox = notifications.inbox(caller.require(), slug);
        return inbox.notifications().stream().map(n -> new NotificationData(n.id().toString(), n.kind().name(),
                        n.threadId() == null ? null : n.threadId().toString(), n.postId() == null ? null : n.postId().toString(),
                        n.actor() == null ? null : inbox.pseudonyms().get(n.actor().value()), n.detail(), n.read(),
                        n.createdAt(), n.meetupId() == null ? null : n.meetupId().toString(),
                        n.occurrenceId() == null ? null : n.occurrenceId().toString()))
                .toList();
    }

    @POST
    @Path("read")
    public Response markAllRead() {
        notifications.markAllRead(caller.require(), slug);
        return Response.noContent().build();
    }
}
