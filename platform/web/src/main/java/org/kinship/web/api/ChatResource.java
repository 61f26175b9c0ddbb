package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kinship.platform.chat.ChatService;
import org.kinship.platform.chat.Room;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.chat.RoomKind;
import org.kinship.platform.community.DmPreference;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.moderation.ChatModeration;
import org.kinship.web.security.CurrentCaller;

/**
 * Chat over REST: the rooms a member may see, room management, direct-message preferences and history
 * paging with the same access rules as the live connection. Messages are sent over /live only. (A root
 * resource of its own: one at /communities/{slug} would shadow every other path under a community.)
 */
@Path("/communities/{slug}/chat")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
    @PathParam("slug")
    String slug;

    @Inject
    ChatService chat;

    @Inject
    ChatModeration moderation;

    @Inject
    CurrentCaller caller;

    public record RoomData(String id, String name, String kind, String with, int slowModeSeconds, long lastSeq, long lastRead,
                           long unread) {
    }

    public record NewRoom(String name, String kind, Integer slowModeSeconds) {
    }

    public record Invite(String pseudonym) {
    }

    public record MemberData(String memberId, String pseudonym) {
    }

    public record Preference(String preference) {
    }

    public record OpenDm(String pseudonym) {
    }

    public record ActionRequest(String reason, Integer minutes, Integer seconds) {
    }

    public record MessageData(long seq, String author, String clientId, String html, String text, Instant at, Instant editedAt,
                              boolean deleted, boolean deletedByModerator, Map<String, Long> reactions) {
    }

    public record PageData(String room, long lastSeq, List<MessageData> messages) {
    }

    @GET
    @Path("rooms")
    public List<RoomData> rooms() {
        return chat.rooms(caller.require(), slug).stream()
                .map(v -> data(v.room(), v.with(), v.lastRead()))
                .toList();
    }

    @POST
    @Path("rooms")
    public Response create(NewRoom request) {
        Views.required(request);
        RoomKind kind;
        try {
            kind = RoomKind.valueOf(String.valueOf(request.kind()));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A room is PUBLIC or RESTRICTED.");
        }
        Room room = chat.createRoom(caller.require(), slug, request.name(), kind,
                request.slowModeSeconds() == null ? 0 : request.slowModeSeconds());
        return Response.status(Response.Status.CREATED).entity(data(room, null, 0)).build();
    }

    @GET
    @Path("rooms/{id}/members")
    public List<MemberData> members(@PathParam("id") String id) {
        return chat.roomMembers(caller.require(), slug, room(id)).entrySet().stream()
                .map(e -> new MemberData(e.getKey().toString(), e.getValue()))
                .sorted((a, b) -> a.pseudonym().compareToIgnoreCase(b.pseudonym()))
                .toList();
    }

    /** Moderators and admins invite a member into a restricted room. */
    @POST
    @Path("rooms/{id}/members")
    public Response invite(@PathParam("id") String id, Invite request) {
        Views.required(request);
        chat.invite(caller.require(), slug, room(id), request.pseudonym());
        return Response.noContent().build();
    }

    /** Moderators take a member out of a room, with a reason. */
    @POST
    @Path("rooms/{id}/members/{memberId}/remove")
    public Response remove(@PathParam("id") String id, @PathParam("memberId") String memberId, ActionRequest request) {
        moderation.removeFromRoom(caller.require(), slug, room(id), member(memberId), reason(request));
        return Response.noContent().build();
    }

    @POST
    @Path("rooms/{id}/members/{memberId}/mute")
    public Response mute(@PathParam("id") String id, @PathParam("memberId") String memberId, ActionRequest request) {
        Views.required(request);
        if (request.minutes() == null) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Say for how many minutes.");
        }
        moderation.muteInRoom(caller.require(), slug, room(id), member(memberId), Duration.ofMinutes(request.minutes()),
                request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("rooms/{id}/members/{memberId}/unmute")
    public Response unmute(@PathParam("id") String id, @PathParam("memberId") String memberId, ActionRequest request) {
        moderation.muteInRoom(caller.require(), slug, room(id), member(memberId), null, reason(request));
        return Response.noContent().build();
    }

    @PUT
    @Path("rooms/{id}/slow-mode")
    public Response slowMode(@PathParam("id") String id, ActionRequest request) {
        Views.required(request);
        moderation.slowMode(caller.require(), slug, room(id), request.seconds() == null ? 0 : request.seconds(), request.reason());
        return Response.noContent().build();
    }

    /** History, oldest first: the {@code limit} (default 50, at most 200) messages before {@code before} (default: the latest). */
    @GET
    @Path("rooms/{id}/messages")
    public PageData history(@PathParam("id") String id, @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        ChatService.Page page = chat.history(caller.require(), slug, room(id), before, limit);
        return new PageData(id, page.lastSeq(), page.messages().stream().map(m -> {
            Map<String, Long> reactions = new TreeMap<>();
            m.reactions().forEach((k, v) -> reactions.put(k.name(), v));
            return new MessageData(m.seq(), m.author(), m.clientId(), m.html(), m.text(), m.at(), m.editedAt(), m.deleted(),
                    m.deletedByModerator(), reactions);
        }).toList());
    }

    @POST
    @Path("rooms/{id}/messages/{seq}/report")
    public Response report(@PathParam("id") String id, @PathParam("seq") long seq, ActionRequest request) {
        var item = moderation.report(caller.require(), slug, room(id), seq, reason(request));
        return Response.status(Response.Status.CREATED).entity(Map.of("id", item.id().toString())).build();
    }

    /** A moderator deletes a message by its id (as the moderation queue shows it), with a reason. */
    @POST
    @Path("messages/{messageId}/delete")
    public Response delete(@PathParam("messageId") String messageId, ActionRequest request) {
        moderation.deleteMessage(caller.require(), slug, Views.uuid(messageId, ErrorCode.MESSAGE_NOT_FOUND), reason(request));
        return Response.noContent().build();
    }

    @POST
    @Path("dms")
    public Response openDm(OpenDm request) {
        Views.required(request);
        ChatService.Direct direct = chat.openDirect(caller.require(), slug, request.pseudonym());
        return Response.ok(data(direct.room(), direct.with(), 0)).build();
    }

    @GET
    @Path("dm-preference")
    public Preference preference() {
        return new Preference(chat.dmPreference(caller.require(), slug).name());
    }

    @PUT
    @Path("dm-preference")
    public Preference changePreference(Preference request) {
        Views.required(request);
        return new Preference(chat.changeDmPreference(caller.require(), slug, DmPreference.parse(request.preference())).name());
    }

    private static RoomData data(Room room, String with, long lastRead) {
        return new RoomData(room.id().toString(), room.name(), room.kind().name(), with, room.slowModeSeconds(), room.lastSeq(),
                lastRead, Math.max(0, room.lastSeq() - lastRead));
    }

    private static RoomId room(String id) {
        return new RoomId(Views.uuid(id, ErrorCode.ROOM_NOT_FOUND));
    }

    private static MemberId member(String id) {
        return new MemberId(Views.uuid(id, ErrorCode.MEMBER_NOT_FOUND));
    }

    private static String reason(ActionRequest request) {
        return request == null ? null : request.reason();
    }
}
