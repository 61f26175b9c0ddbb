package org.kinship.platform.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.forum.ReactionKind;

/** Queries over chat. Finders return Optional; pages of messages come from the database in seq order. */
@ApplicationScoped
public class ChatRepository {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    public Optional<Room> room(RoomId id) {
        return Optional.ofNullable(em.find(Room.class, id.value()));
    }

    public Optional<Room> room(CommunityId community, RoomId id) {
        return room(id).filter(r -> r.community().equals(community));
    }

    /**
     * The room, re-read and locked until the transaction ends: how messages get their sequence
     * numbers one at a time. (A refresh under the lock, not em.lock, as for forum threads.)
     */
    public Room lockRoom(Room room) {
        em.refresh(room, LockModeType.PESSIMISTIC_WRITE);
        return room;
    }

    public Optional<Room> directRoom(String directKey) {
        return em.createQuery("select r from Room r where r.directKey = :k", Room.class)
                .setParameter("k", directKey).getResultStream().findFirst();
    }

    /** Public and restricted rooms of a community, by name. */
    public List<Room> namedRooms(CommunityId community) {
        return em.createQuery("select r from Room r where r.communityId = :c and r.kind <> :direct order by lower(r.name)", Room.class)
                .setParameter("c", community.value())
                .setParameter("direct", RoomKind.DIRECT)
                .getResultList();
    }

    /** A member's direct conversations (those with at least one message, or that they opened). */
    public List<Room> directRoomsOf(MemberId member) {
        return em.createQuery("select r from Room r, RoomMember s where s.roomId = r.id and s.memberId = :m and s.status = :active"
                        + " and r.kind = :direct order by r.createdAt desc", Room.class)
                .setParameter("m", member.value())
                .setParameter("active", RoomMember.Status.ACTIVE)
                .setParameter("direct", RoomKind.DIRECT)
                .getResultList();
    }

    public Optional<RoomMember> standing(RoomId room, MemberId member) {
        return em.createQuery("select s from RoomMember s where s.roomId = :r and s.memberId = :m", RoomMember.class)
                .setParameter("r", room.value())
                .setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public Map<UUID, RoomMember> standings(MemberId member) {
        Map<UUID, RoomMember> byRoom = new HashMap<>();
        em.createQuery("select s from RoomMember s where s.memberId = :m", RoomMember.class)
                .setParameter("m", member.value())
                .getResultList()
                .forEach(s -> byRoom.put(s.room().value(), s));
        return byRoom;
    }

    public List<RoomMember> members(RoomId room) {
        return em.createQuery("select s from RoomMember s where s.roomId = :r and s.status = :active", RoomMember.class)
                .setParameter("r", room.value())
                .setParameter("active", RoomMember.Status.ACTIVE)
                .getResultList();
    }

    public Optional<ChatMessage> message(RoomId room, long seq) {
        return em.createQuery("select m from ChatMessage m where m.roomId = :r and m.seq = :s", ChatMessage.class)
                .setParameter("r", room.value())
                .setParameter("s", seq)
                .getResultStream().findFirst();
    }

    public Optional<ChatMessage> messageByClientId(RoomId room, MemberId author, String clientId) {
        return em.createQuery("select m from ChatMessage m where m.roomId = :r and m.authorId = :a and m.clientId = :c",
                        ChatMessage.class)
                .setParameter("r", room.value())
                .setParameter("a", author.value())
                .setParameter("c", clientId)
                .getResultStream().findFirst();
    }

    /** Messages after {@code afterSeq}, oldest first: what a reconnecting client missed. */
    public List<ChatMessage> messagesAfter(RoomId room, long afterSeq, int limit) {
        return em.createQuery("select m from ChatMessage m where m.roomId = :r and m.seq > :s order by m.seq", ChatMessage.class)
                .setParameter("r", room.value())
                .setParameter("s", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The {@code limit} messages before {@code beforeSeq}, returned oldest first: scrolling back. */
    public List<ChatMessage> messagesBefore(RoomId room, long beforeSeq, int limit) {
        List<ChatMessage> page = new ArrayList<>(em.createQuery(
                        "select m from ChatMessage m where m.roomId = :r and m.seq < :s order by m.seq desc", ChatMessage.class)
                .setParameter("r", room.value())
                .setParameter("s", beforeSeq)
                .setMaxResults(limit)
                .getResultList());
        Collections.reverse(page);
        return page;
    }

    public Optional<Instant> lastWrittenAt(RoomId room, MemberId author) {
        return Optional.ofNullable(em.createQuery("select max(m.createdAt) from ChatMessage m where m.roomId = :r and m.authorId = :a",
                        Instant.class)
                .setParameter("r", room.value())
                .setParameter("a", author.value())
                .getSingleResult());
    }

    public boolean hasWritten(RoomId room, MemberId author) {
        return !em.createQuery("select m.id from ChatMessage m where m.roomId = :r and m.authorId = :a", UUID.class)
                .setParameter("r", room.value())
                .setParameter("a", author.value())
                .setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<ChatReaction> reaction(ChatMessage message, MemberId member, ReactionKind kind) {
        return em.createQuery("select r from ChatReaction r where r.messageId = :m and r.memberId = :who and r.kind = :k",
                        ChatReaction.class)
                .setParameter("m", message.id())
                .setParameter("who", member.value())
                .setParameter("k", kind)
                .getResultStream().findFirst();
    }

    public long reactionCount(ChatMessage message, ReactionKind kind) {
        return em.createQuery("select count(r) from ChatReaction r where r.messageId = :m and r.kind = :k", Long.class)
                .setParameter("m", message.id())
                .setParameter("k", kind)
                .getSingleResult();
    }

    /** Reaction counts for a page of messages, in one query. */
    public Map<UUID, Map<ReactionKind, Long>> reactionCounts(List<UUID> messageIds) {
        Map<UUID, Map<ReactionKind, Long>> counts = new HashMap<>();
        if (messageIds.isEmpty()) {
            return counts;
        }
        em.createQuery("select r.messageId, r.kind, count(r) from ChatReaction r where r.messageId in :ids group by r.messageId, r.kind",
                        Object[].class)
                .setParameter("ids", messageIds)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(ReactionKind.class))
                        .put((ReactionKind) row[1], (Long) row[2]));
        return counts;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }
}
