package org.kinship.platform.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.chat.ChatAccess.Participant;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.CrisisResource;
import org.kinship.platform.community.DmPreference;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipStatus;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.community.Role;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.ReactionKind;
import org.kinship.platform.persistence.UniqueViolation;
import org.kinship.platform.safety.SafetySignals;
import org.kinship.platform.text.Markdown;

/**
 * Chat's use cases, for the WebSocket and the REST API alike. Each runs in one transaction and
 * checks everything before it writes, so a refused frame stores nothing. A message is stored (its
 * sequence number taken under the room lock) and committed before anyone hears of it: the events
 * fired here are delivered after commit.
 */
@ApplicationScoped
@Transactional
public class ChatService {
    public static final int MAX_PAGE = 200;
    public static final int DEFAULT_PAGE = 50;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess communityAccess;

    @Inject
    ChatRepository repository;

    @Inject
    ChatAccess access;

    @Inject
    ChatRateLimiter rateLimiter;

    @Inject
    SafetySignals safety;

    @Inject
    Markdown markdown;

    @Inject
    Clock clock;

    @Inject
    Event<ChatEvent> events;

    @Inject
    ChatService self;

    // ---- who is connecting ----

    /** One of the caller's active memberships, as a live connection needs it. */
    public record Presence(org.kinship.platform.community.CommunityId community, MemberId member, String pseudonym, Role role) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Presence> memberships(Caller caller) {
        return communities.membershipsOf(caller.account()).stream()
                .filter(Membership::isActive)
                .map(m -> new Presence(m.community(), m.id(), m.pseudonym().value(), m.role()))
                .toList();
    }

    // ---- rooms ----

    /** A room as one member sees it: unread count, and for a direct conversation who it is with. */
    public record RoomView(Room room, long lastRead, String with, MemberId withId) {
        public long unread() {
            return Math.max(0, room.lastSeq() - lastRead);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomView> rooms(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = communityAccess.requireMember(caller, community);
        Map<UUID, RoomMember> standings = repository.standings(me.id());
        List<RoomView> views = new ArrayList<>();
        for (Room room : repository.namedRooms(community.id())) {
            Optional<RoomMember> standing = Optional.ofNullable(standings.get(room.id().value()));
            if (ChatAccess.mayRead(room, me.id(), standing)) {
                views.add(new RoomView(room, standing.map(RoomMember::lastReadSeq).orElse(0L), null, null));
            }
        }
        List<Room> direct = repository.directRoomsOf(me.id());
        Set<UUID> others = new HashSet<>();
        direct.forEach(r -> others.add(r.other(me.id()).value()));
        Map<UUID, String> names = communities.pseudonyms(others);
        for (Room room : direct) {
            MemberId other = room.other(me.id());
            // A conversation appears in the lists once there is something in it; until then only its opener knows it.
            if (room.lastSeq() > 0) {
                views.add(new RoomView(room, standings.get(room.id().value()).lastReadSeq(), names.get(other.value()), other));
            }
        }
        return views;
    }

    public Room createRoom(Caller caller, String slug, String name, RoomKind kind, int slowModeSeconds) {
        Community community = communities.requireBySlug(slug);
        Membership admin = communityAccess.requireAdmin(caller, community);
        Room room = Room.named(community.id(), name, kind, slowModeSeconds, clock.instant());
        repository.persist(room);
        if (kind == RoomKind.RESTRICTED) {
            repository.persist(new RoomMember(room.id(), admin.id(), clock.instant()));
        }
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_room_name")) {
                throw new KinshipException(ErrorCode.ROOM_NAME_TAKEN, "This community already has a room with that name.");
            }
            throw e;
        }
        return room;
    }

    /** An admin or moderator lets a member into a restricted room. */
    public void invite(Caller caller, String slug, RoomId roomId, String pseudonym) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireModerator(caller, community);
        Room room = repository.room(community.id(), roomId).filter(r -> !r.isDirect()).orElseThrow(ChatAccess::roomNotFound);
        if (room.kind() != RoomKind.RESTRICTED) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Everyone in the community is welcome in a public room already.");
        }
        Membership invitee = activeByPseudonym(community, pseudonym);
        Instant now = clock.instant();
        repository.standing(room.id(), invitee.id()).ifPresentOrElse(s -> s.readmit(now),
                () -> repository.persist(new RoomMember(room.id(), invitee.id(), now)));
    }

    /** Members of a restricted room or a direct conversation (pseudonyms), for those in it and for moderators. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> roomMembers(Caller caller, String slug, RoomId roomId) {
        Community community = communities.requireBySlug(slug);
        Participant p = access.reader(caller, roomId);
        if (!p.community().id().equals(community.id())) {
            throw ChatAccess.roomNotFound();
        }
        Set<UUID> ids = new HashSet<>();
        repository.members(roomId).forEach(s -> ids.add(s.member().value()));
        return communities.pseudonyms(ids);
    }

    // ---- direct messages ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public DmPreference dmPreference(Caller caller, String slug) {
        return communityAccess.requireMember(caller, communities.requireBySlug(slug)).dmPreference();
    }

    public DmPreference changeDmPreference(Caller caller, String slug, DmPreference preference) {
        Membership me = communityAccess.requireMember(caller, communities.requireBySlug(slug));
        me.chooseDirectMessages(preference);
        return me.dmPreference();
    }

    /** The conversation with someone, opened if it does not exist yet (their preference permitting). */
    public record Direct(Room room, String with, MemberId withId) {
    }

    public Direct openDirect(Caller caller, String slug, String pseudonym) {
        Community community = communities.requireBySlug(slug);
        Membership me = communityAccess.requireMember(caller, community);
        Membership other = activeByPseudonym(community, pseudonym);
        if (other.id().equals(me.id())) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A direct message needs someone else.");
        }
        String key = Room.directKey(me.id(), other.id());
        Optional<Room> existing = repository.directRoom(key);
        if (existing.isEmpty() && !other.dmPreference().allows(me.role())) {
            throw dmNotAllowed(other);
        }
        Room room = existing.orElseGet(() -> {
            try {
                return self.createDirect(community, me.id(), other.id());
            } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
                if (UniqueViolation.of(e, "uq_room_direct")) {
                    return repository.directRoom(key).orElseThrow(() -> e);
                }
                throw e;
            }
        });
        return new Direct(room, other.pseudonym().value(), other.id());
    }

    /** Two people opening the same conversation at once: the unique key decides, the loser reads the winner's room. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Room createDirect(Community community, MemberId a, MemberId b) {
        Instant now = clock.instant();
        Room room = Room.direct(community.id(), a, b, now);
        repository.persist(room);
        repository.persist(new RoomMember(room.id(), a, now));
        repository.persist(new RoomMember(room.id(), b, now));
        repository.flush();
        return room;
    }

    /**
     * Whether one of two may write to the other: the recipient's preference allows the sender's role,
     * or the recipient wrote in this conversation themselves (they chose to talk; the other may answer).
     */
    public static boolean mayWriteDirect(DmPreference recipient, Role sender, boolean recipientHasWritten) {
        return recipientHasWritten || recipient.allows(sender);
    }

    private static KinshipException dmNotAllowed(Membership other) {
        return new KinshipException(ErrorCode.DM_NOT_ALLOWED, other.pseudonym().value() + " does not take direct messages from you.");
    }

    // ---- joining and reading ----

    /** What a client learns when it joins a room. */
    public record Joined(Participant participant, String with) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Joined join(Caller caller, RoomId roomId) {
        Participant p = access.reader(caller, roomId);
        String with = null;
        if (p.room().isDirect()) {
            MemberId other = p.room().other(p.id());
            with = communities.pseudonyms(Set.of(other.value())).get(other.value());
        }
        return new Joined(p, with);
    }

    /** A message as a reader sees it; the client id only for its author (it is theirs). */
    public record MessageView(RoomId room, long seq, String author, MemberId authorId, String clientId, String html,
                              String text, Instant at, Instant editedAt, boolean deleted, boolean deletedByModerator,
                              Map<ReactionKind, Long> reactions) {
    }

    /** A page of messages, oldest first; {@code lastSeq} is the room's at the time of reading. */
    public record Page(RoomId room, List<MessageView> messages, long lastSeq) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page history(Caller caller, RoomId roomId, Long beforeSeq, Integer limit) {
        Participant p = access.reader(caller, roomId);
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        return page(p, repository.messagesBefore(roomId, before, pageSize(limit)));
    }

    /** History for REST: the room must be in the community of the path. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page history(Caller caller, String slug, RoomId roomId, Long beforeSeq, Integer limit) {
        Community community = communities.requireBySlug(slug);
        repository.room(community.id(), roomId).orElseThrow(ChatAccess::roomNotFound);
        return history(caller, roomId, beforeSeq, limit);
    }

    /** What a reconnecting client missed: messages after {@code afterSeq}, oldest first, one page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page missed(Caller caller, RoomId roomId, long afterSeq, int limit) {
        Participant p = access.reader(caller, roomId);
        return page(p, repository.messagesAfter(roomId, Math.max(0, afterSeq), pageSize(limit)));
    }

    private Page page(Participant reader, List<ChatMessage> messages) {
        Set<UUID> people = new HashSet<>();
        messages.forEach(m -> people.add(m.author().value()));
        Map<UUID, String> names = communities.pseudonyms(people);
        Map<UUID, Map<ReactionKind, Long>> reactions = repository.reactionCounts(messages.stream().map(ChatMessage::id).toList());
        List<MessageView> views = messages.stream().map(m -> view(m, names.get(m.author().value()),
                m.isAuthor(reader.id()), reactions.getOrDefault(m.id(), Map.of()))).toList();
        return new Page(reader.room().id(), views, reader.room().lastSeq());
    }

    static MessageView view(ChatMessage m, String author, boolean mine, Map<ReactionKind, Long> reactions) {
        return new MessageView(m.room(), m.seq(), author, m.author(), mine ? m.clientId() : null, m.bodyHtml(), m.bodyText(),
                m.createdAt(), m.editedAt(), m.isDeleted(), m.deletedByModerator(), reactions);
    }

    private static int pageSize(Integer limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }

    public void markRead(Caller caller, RoomId roomId, long seq) {
        Participant p = access.reader(caller, roomId);
        Instant now = clock.instant();
        RoomMember standing = p.standing().orElseGet(() -> {
            RoomMember fresh = new RoomMember(roomId, p.id(), now);
            repository.persist(fresh);
            return fresh;
        });
        standing.readUpTo(seq, p.room().lastSeq());
        events.fire(new ChatEvent.ReadUpTo(roomId, p.id(), standing.lastReadSeq()));
    }

    // ---- writing ----

    /**
     * The outcome of a send: the stored message, whether it was stored just now or by an earlier
     * send with the same client id, and the crisis resources to show the sender (empty when none).
     */
    public record Sent(MessageView message, boolean duplicate, List<CrisisResource> crisisSupport) {
    }

    public Sent send(Caller caller, RoomId roomId, String clientId, String typed) {
        Participant author = access.writer(caller, roomId);
        String checkedClientId = ChatMessage.checkedClientId(clientId);
        ChatBody body = ChatBody.of(typed, markdown);
        Room room = author.room();
        if (room.isDirect()) {
            MemberId otherId = room.other(author.id());
            Membership other = communities.member(room.community(), otherId)
                    .filter(Membership::isActive)
                    .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "They are no longer in this community."));
            if (!mayWriteDirect(other.dmPreference(), author.membership().role(), repository.hasWritten(room.id(), otherId))) {
                throw dmNotAllowed(other);
            }
        }
        rateLimiter.check(author.id());
        // Everything below happens one sender at a time per room, so the resend check cannot race.
        repository.lockRoom(room);
        Optional<ChatMessage> earlier = repository.messageByClientId(room.id(), author.id(), checkedClientId);
        if (earlier.isPresent()) {
            return new Sent(view(earlier.get(), author.pseudonym(), true, Map.of()), true, List.of());
        }
        Instant now = clock.instant();
        if (room.slowModeSeconds() > 0 && !author.moderator()) {
            Optional<Instant> last = repository.lastWrittenAt(room.id(), author.id());
            if (last.isPresent() && last.get().plus(Duration.ofSeconds(room.slowModeSeconds())).isAfter(now)) {
                throw new KinshipException(ErrorCode.SLOW_MODE, "This room is in slow mode: one message every "
                        + room.slowModeSeconds() + " seconds.");
            }
        }
        Set<String> crisis = safety.detect(author.community(), body.text());
        ChatMessage message = new ChatMessage(room, room.allocateSeq(), author.id(), checkedClientId, body, !crisis.isEmpty(), now);
        repository.persist(message);
        repository.flush();
        events.fire(new ChatEvent.MessagePosted(room.community(), room.id(), message.seq(), author.id(), author.pseudonym(),
                message.clientId(), message.bodyHtml(), message.bodyText(), now,
                room.isDirect() ? room.other(author.id()) : null));
        if (!crisis.isEmpty()) {
            events.fire(new ChatEvent.CrisisAlert(room.community(), room.id(), room.kind(), message.seq(), message.id(),
                    author.id(), author.pseudonym(), room.isDirect() ? null : excerpt(message.bodyText()), crisis));
        }
        return new Sent(view(message, author.pseudonym(), true, Map.of()), false,
                crisis.isEmpty() ? List.of() : author.community().crisisResources());
    }

    public Sent edit(Caller caller, RoomId roomId, long seq, String typed) {
        Participant author = access.writer(caller, roomId);
        ChatMessage message = requireMessage(roomId, seq);
        if (!message.isAuthor(author.id())) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the author can edit a message.");
        }
        ChatBody body = ChatBody.of(typed, markdown);
        Set<String> crisis = safety.detect(author.community(), body.text());
        Instant now = clock.instant();
        message.edit(author.id(), body, !crisis.isEmpty(), now);
        events.fire(new ChatEvent.MessageEdited(roomId, seq, message.bodyHtml(), message.bodyText(), now));
        if (!crisis.isEmpty()) {
            events.fire(new ChatEvent.CrisisAlert(author.room().community(), roomId, author.room().kind(), seq, message.id(),
                    author.id(), author.pseudonym(), author.room().isDirect() ? null : excerpt(message.bodyText()), crisis));
        }
        return new Sent(view(message, author.pseudonym(), true, Map.of()), false,
                crisis.isEmpty() ? List.of() : author.community().crisisResources());
    }

    /** The author deletes their own message. (Moderators delete with a reason, through ChatModeration.) */
    public void delete(Caller caller, RoomId roomId, long seq) {
        Participant author = access.reader(caller, roomId);
        ChatMessage message = requireMessage(roomId, seq);
        message.deleteByAuthor(author.id(), clock.instant());
        events.fire(new ChatEvent.MessageDeleted(roomId, seq, false));
    }

    public void react(Caller caller, RoomId roomId, long seq, ReactionKind kind, boolean add) {
        Participant reader = access.writer(caller, roomId);
        ChatMessage message = requireMessage(roomId, seq);
        if (message.isDeleted()) {
            throw new KinshipException(ErrorCode.MESSAGE_DELETED, "This message was deleted.");
        }
        Optional<ChatReaction> existing = repository.reaction(message, reader.id(), kind);
        boolean changed = false;
        if (add && existing.isEmpty()) {
            repository.persist(new ChatReaction(message, reader.id(), kind, clock.instant()));
            changed = true;
        } else if (!add && existing.isPresent()) {
            repository.remove(existing.get());
            changed = true;
        }
        if (changed) {
            repository.flush();
            events.fire(new ChatEvent.ReactionChanged(roomId, seq, kind, repository.reactionCount(message, kind),
                    reader.pseudonym(), add));
        }
    }

    // ---- helpers ----

    private ChatMessage requireMessage(RoomId room, long seq) {
        return repository.message(room, seq).orElseThrow(() ->
                new KinshipException(ErrorCode.MESSAGE_NOT_FOUND, "There is no message " + seq + " in this room."));
    }

    private Membership activeByPseudonym(Community community, String pseudonym) {
        return communities.memberByPseudonym(community.id(), Pseudonym.fromStored(String.valueOf(pseudonym)).key())
                .filter(m -> m.status() == MembershipStatus.ACTIVE)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND,
                        "Nobody in " + community.name() + " goes by '" + pseudonym + "'."));
    }

    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 600 ? text : text.substring(0, 599) + "…";
    }
}
