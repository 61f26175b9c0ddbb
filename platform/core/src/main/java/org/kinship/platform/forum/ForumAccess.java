package org.kinship.platform.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Who may read and write what in the forum, in one place. The rule of thumb: what someone may not
 * see does not exist for them (404, not 403), so a closed circle cannot even be probed for.
 */
@ApplicationScoped
public class ForumAccess {
    @Inject
    CommunityAccess community;

    @Inject
    ForumRepository repository;

    @Inject
    Clock clock;

    /** A member reading or writing in their community. */
    public record Reader(Membership membership) {
        public MemberId id() {
            return membership.id();
        }

        public boolean moderator() {
            return membership.role().canModerate();
        }
    }

    /** The forum is for members: anonymous callers and outsiders get NOT_AUTHENTICATED / NOT_A_MEMBER. */
    public Reader reader(Caller caller, Community where) {
        return new Reader(community.requireMember(caller, where));
    }

    /** The same check as {@link #reader(Caller, Community)} on a membership the read model already holds. */
    public Reader reader(Optional<Membership> membership, Community where) {
        return new Reader(CommunityAccess.requireActive(membership, where));
    }

    public Reader moderator(Caller caller, Community where) {
        return new Reader(community.requireModerator(caller, where));
    }

    /** A reader who may write now: not muted. */
    public Reader writer(Caller caller, Community where) {
        Reader reader = reader(caller, where);
        if (reader.membership().isMuted(clock.instant())) {
            throw new KinshipException(ErrorCode.MEMBER_MUTED,
                    "A moderator has paused your writing here until " + reader.membership().mutedUntil() + ".");
        }
        return reader;
    }

    public boolean canRead(Reader reader, ForumThread thread) {
        // Only a circle needs the reader's place in it: one row, looked up only then.
        List<CircleMember> place = thread.visibility() == Visibility.CIRCLE
                ? repository.circleMember(thread.id(), reader.id()).stream().toList() : List.of();
        return canRead(reader, thread, place);
    }

    /** The reading rule, on circle members already at hand (all of them from the read model, or the reader's own row). */
    public static boolean canRead(Reader reader, ForumThread thread, List<CircleMember> circle) {
        if (thread.visibility() == Visibility.CIRCLE) {
            return thread.isAuthor(reader.id()) || circle.stream()
                    .anyMatch(m -> m.member().equals(reader.id()) && m.status() == CircleMember.Status.ACCEPTED);
        }
        return !thread.hidden() || reader.moderator() || thread.isAuthor(reader.id());
    }

    public ForumThread requireReadable(Reader reader, ForumThread thread) {
        if (!canRead(reader, thread)) {
            throw threadNotFound();
        }
        return thread;
    }

    /** A hidden post's words are for moderators and its author only; others see that it was hidden. */
    public static boolean canSeeWords(Reader reader, Post post) {
        return !post.hidden() || reader.moderator() || post.isAuthor(reader.id());
    }

    /** Moderators moderate community threads; closed circles are not theirs to open. */
    public boolean canModerate(Reader reader, ForumThread thread) {
        return reader.moderator() && thread.visibility() == Visibility.COMMUNITY;
    }

    static KinshipException threadNotFound() {
        return new KinshipException(ErrorCode.THREAD_NOT_FOUND, "There is no such thread, or it is not visible to you.");
    }
}
