package org.kinship.platform.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.chat.ChatAccess;
import org.kinship.platform.chat.ChatEvent;
import org.kinship.platform.chat.ChatMessage;
import org.kinship.platform.chat.ChatRepository;
import org.kinship.platform.chat.Room;
import org.kinship.platform.chat.RoomId;
import org.kinship.platform.chat.RoomMember;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Role;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.moderation.ModerationAction.Type;
import org.kinship.platform.notification.NotificationService;

/**
 * Moderation of live chat, in the same queue and audit log as the forum's: reports of messages,
 * crisis alerts, deleting a message with a reason, muting a member in a room, removing them from a
 * room, slow mode. A direct conversation is not the moderators' to read: a message in one can be
 * acted on only once one of the two has reported it, and the queue then shows that message alone.
 */
@ApplicationScoped
@Transactional
public class ChatModeration {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess communityAccess;

    @Inject
    ChatRepository chat;

    @Inject
    ChatAccess chatAccess;

    @Inject
    NotificationService notifications;

    @Inject
    Event<ChatEvent> events;

    @Inject
    Clock clock;

    /** A member reports a message they can read. The reported member never learns who reported it. */
    public ModerationItem report(Caller caller, RoomId roomId, long seq, String reason) {
        ChatAccess.Participant reader = chatAccess.reader(caller, roomId);
        ChatMessage message = chat.message(roomId, seq)
                .orElseThrow(() -> new KinshipException(ErrorCode.MESSAGE_NOT_FOUND, "There is no such message."));
        if (message.isAuthor(reader.id())) {
            throw new KinshipException(ErrorCode.CANNOT_REPORT_OWN_MESSAGE,
                    "You cannot report your own message. You can edit or delete it instead.");
        }
        if (message.isDeleted()) {
            throw new KinshipException(ErrorCode.MESSAGE_DELETED, "This message was deleted already.");
        }
        String why = Text.required(ErrorCode.REASON_REQUIRED, "a reason", reason, ModerationService.MAX_REASON);
        ModerationItem item = ModerationItem.chatReport(reader.community().id(), roomId.value(), message.id(), message.author(),
                reader.id(), why, excerpt(message.bodyText()), clock.instant());
        em.persist(item);
        return item;
    }

    /** The REST form: the room must belong to the community in the path. */
    public ModerationItem report(Caller caller, String slug, RoomId roomId, long seq, String reason) {
        Community community = communities.requireBySlug(slug);
        chat.room(community.id(), roomId).orElseThrow(ChatAccess::roomNotFound);
        return report(caller, roomId, seq, reason);
    }

    /** Crisis language in chat: an urgent item, in the same transaction as the message. */
    void onCrisis(@Observes ChatEvent.CrisisAlert crisis) {
        em.persist(ModerationItem.chatCrisis(crisis.community(), crisis.room().value(), crisis.messageId(), crisis.author(),
                String.join(", ", crisis.phrases()), crisis.excerpt(), clock.instant()));
    }

    /** A moderator deletes a message, with a reason (audited; the author is told why). */
    public void deleteMessage(Caller caller, RoomId roomId, long seq, String reason) {
        Room room = chat.room(roomId).orElseThrow(ChatAccess::roomNotFound);
        Community community = communities.find(room.community()).orElseThrow(ChatAccess::roomNotFound);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        ChatMessage message = chat.message(roomId, seq)
                .filter(m -> moderatable(room, m))
                .orElseThrow(() -> room.isDirect() ? ChatAccess.roomNotFound()
                        : new KinshipException(ErrorCode.MESSAGE_NOT_FOUND, "There is no such message."));
        Instant now = clock.instant();
        message.deleteByModerator(now);
        em.persist(ModerationAction.inChat(community.id(), moderator.id(), Type.DELETE_CHAT_MESSAGE, why, roomId.value(),
                message.id(), message.author(), null, now));
        notifications.moderationOutcome(community, message.author(), null, null,
                "Your chat message was removed by a moderator: " + why);
        events.fire(new ChatEvent.MessageDeleted(roomId, seq, true));
    }

    /** The REST form, by the message's id (as the queue shows it). */
    public void deleteMessage(Caller caller, String slug, UUID messageId, String reason) {
        Community community = communities.requireBySlug(slug);
        ChatMessage message = java.util.Optional.ofNullable(em.find(ChatMessage.class, messageId))
                .filter(m -> m.community().equals(community.id()))
                .orElseThrow(() -> new KinshipException(ErrorCode.MESSAGE_NOT_FOUND, "There is no such message."));
        deleteMessage(caller, message.room(), message.seq(), reason);
    }

    /** Mute a member in one room for a time (null duration: unmute). Community-wide mutes are the forum's member mute. */
    public void muteInRoom(Caller caller, String slug, RoomId roomId, MemberId target, Duration duration, String reason) {
        Context c = context(caller, slug, roomId, target, reason);
        Instant now = clock.instant();
        RoomMember standing = standing(c, now);
        Instant until = null;
        if (duration == null) {
            standing.unmute();
        } else {
            if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(ModerationService.MAX_MUTE) > 0) {
                throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A mute lasts from one minute to a year.");
            }
            until = now.plus(duration);
            standing.mute(until);
        }
        em.persist(ModerationAction.inChat(c.community.id(), c.moderator.id(), duration == null ? Type.ROOM_UNMUTE : Type.ROOM_MUTE,
                c.why, roomId.value(), null, target, until, now));
        notifications.moderationOutcome(c.community, target, null, null, (duration == null
                ? "You can write in " + c.room.name() + " again" : "A moderator paused your writing in " + c.room.name()
                + " until " + until) + ": " + c.why);
    }

    /** Take a member out of a room: they stop hearing it at once. (A restricted room's admins can invite them back.) */
    public void removeFromRoom(Caller caller, String slug, RoomId roomId, MemberId target, String reason) {
        Context c = context(caller, slug, roomId, target, reason);
        Instant now = clock.instant();
        standing(c, now).remove();
        em.persist(ModerationAction.inChat(c.community.id(), c.moderator.id(), Type.ROOM_REMOVE, c.why, roomId.value(), null,
                target, null, now));
        notifications.moderationOutcome(c.community, target, null, null, "You were removed from " + c.room.name() + ": " + c.why);
        events.fire(new ChatEvent.MemberRemoved(roomId, target));
    }

    public void slowMode(Caller caller, String slug, RoomId roomId, int seconds, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        Room room = chat.room(community.id(), roomId).filter(r -> !r.isDirect()).orElseThrow(ChatAccess::roomNotFound);
        // Under the room lock: a concurrent message must not be written with a stale sequence number.
        chat.lockRoom(room).slowMode(seconds);
        em.persist(ModerationAction.inChat(community.id(), moderator.id(), Type.SLOW_MODE, why + " (" + seconds + " s)",
                roomId.value(), null, null, null, clock.instant()));
        events.fire(new ChatEvent.SlowModeChanged(roomId, seconds));
    }

    private record Context(Community community, Membership moderator, Room room, Membership member, String why) {
    }

    private Context context(Caller caller, String slug, RoomId roomId, MemberId target, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        Room room = chat.room(community.id(), roomId).filter(r -> !r.isDirect()).orElseThrow(ChatAccess::roomNotFound);
        Membership member = communities.member(community.id(), target)
                .filter(Membership::isActive)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "No such member in " + community.name() + "."));
        if (member.id().equals(moderator.id())) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Moderators cannot act on themselves.");
        }
        if (member.role() == Role.ADMIN && moderator.role() != Role.ADMIN) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only an admin can act on an admin.");
        }
        return new Context(community, moderator, room, member, why);
    }

    private RoomMember standing(Context c, Instant now) {
        return chat.standing(c.room.id(), c.member.id()).orElseGet(() -> {
            RoomMember fresh = new RoomMember(c.room.id(), c.member.id(), now);
            chat.persist(fresh);
            return fresh;
        });
    }

    private boolean moderatable(Room room, ChatMessage message) {
        if (!room.isDirect()) {
            return true;
        }
        return !em.createQuery("select i.id from ModerationItem i where i.chatMessageId = :m and i.kind = :k", UUID.class)
                .setParameter("m", message.id())
                .setParameter("k", ModerationItem.Kind.REPORT)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private static String reasonOf(String reason) {
        return Text.required(ErrorCode.REASON_REQUIRED, "a reason", reason, ModerationService.MAX_REASON);
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 600 ? text : text.substring(0, 599) + "…";
    }
}
