package org.kinship.platform.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Who may read and write in which room, in one place. The rules themselves are static and pure
 * (tested without a database); the bean looks up what they need. A direct conversation that is not
 * one's own does not exist for one ({@code room_not_found}), whoever one is: moderators and admins
 * see a direct message only when one of the two reports it, and then only in the queue.
 */
@ApplicationScoped
public class ChatAccess {
    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess communityAccess;

    @Inject
    ChatRepository repository;

    @Inject
    Clock clock;

    /** A member in a room they may read: their membership, the room, and their row there if any. */
    public record Participant(Community community, Membership membership, Room room, Optional<RoomMember> standing) {
        public MemberId id() {
            return membership.id();
        }

        public String pseudonym() {
            return membership.pseudonym().value();
        }

        public boolean moderator() {
            return membership.role().canModerate();
        }

        public long lastRead() {
            return standing.map(RoomMember::lastReadSeq).orElse(0L);
        }
    }

    /** Whether a member whose standing in the room is this may read it. */
    public static boolean mayRead(Room room, MemberId member, Optional<RoomMember> standing) {
        return switch (room.kind()) {
            case PUBLIC -> standing.map(RoomMember::isActive).orElse(true);
            case RESTRICTED -> standing.map(RoomMember::isActive).orElse(false);
            case DIRECT -> room.isBetween(member) && standing.map(RoomMember::isActive).orElse(false);
        };
    }

    /** Why a member may not write where they may read, or null when they may. */
    public static ErrorCode writeRefusal(Membership membership, Optional<RoomMember> standing, Instant now) {
        if (membership.isMuted(now) || standing.map(s -> s.isMuted(now)).orElse(false)) {
            return ErrorCode.MEMBER_MUTED;
        }
        return null;
    }

    public Participant reader(Caller caller, RoomId roomId) {
        Room room = repository.room(roomId).orElseThrow(ChatAccess::roomNotFound);
        Community community = communities.find(room.community()).orElseThrow(ChatAccess::roomNotFound);
        Membership membership = communityAccess.requireMember(caller, community);
        Optional<RoomMember> standing = repository.standing(room.id(), membership.id());
        if (!mayRead(room, membership.id(), standing)) {
            if (room.isDirect() && !room.isBetween(membership.id())) {
                throw roomNotFound();
            }
            throw new KinshipException(ErrorCode.NOT_IN_ROOM, "You are not in this room.");
        }
        return new Participant(community, membership, room, standing);
    }

    public Participant writer(Caller caller, RoomId roomId) {
        Participant p = reader(caller, roomId);
        Instant now = clock.instant();
        if (writeRefusal(p.membership(), p.standing(), now) != null) {
            Instant until = p.membership().isMuted(now) ? p.membership().mutedUntil() : p.standing().orElseThrow().mutedUntil();
            throw new KinshipException(ErrorCode.MEMBER_MUTED, "A moderator has paused your writing here until " + until + ".");
        }
        return p;
    }

    public static KinshipException roomNotFound() {
        return new KinshipException(ErrorCode.ROOM_NOT_FOUND, "There is no such room, or it is not visible to you.");
    }
}
