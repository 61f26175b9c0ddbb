package org.kinship.platform.forum;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/**
 * What happened in a forum, for the modules that react to it (moderation queue, notifications,
 * federation). Fired inside the use case's transaction: an observer that must act only on what was
 * committed observes with {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public sealed interface ForumEvent {
    CommunityId community();

    /** A post was written or edited. {@code answered} is the author of the post it answers, if any. */
    record PostWritten(CommunityId community, UUID threadId, UUID postId, MemberId author, MemberId answered,
                       Visibility visibility, Set<String> mentions, boolean edit) implements ForumEvent {
    }

    /** A newcomer started their first thread: a moderator should welcome them. */
    record NewcomerThread(CommunityId community, UUID threadId, MemberId author) implements ForumEvent {
    }

    /** Crisis language in a post: moderators on duty are alerted at once; the post is not blocked. */
    record CrisisLanguage(CommunityId community, UUID threadId, UUID postId, MemberId author, Visibility visibility,
                          Set<String> phrases) implements ForumEvent {
    }

    /** A member was invited into a closed circle. */
    record CircleInvitation(CommunityId community, UUID threadId, MemberId invited, MemberId by) implements ForumEvent {
    }

    /**
     * The author shared their thread beyond the community ({@code shared}), or stopped sharing it. Fired
     * only when that changed. Un-sharing stops what is sent from now on; copies already sent can only be
     * asked to be deleted.
     */
    record ThreadSharing(CommunityId community, UUID threadId, boolean shared) implements ForumEvent {
    }

    /**
     * A post's words are gone from the community's view: its author deleted it ({@code byModerator} false)
     * or a moderator hid it (true). Fired in every thread; whether the thread was shared is for the
     * observer to ask.
     */
    record PostDeleted(CommunityId community, UUID threadId, UUID postId, boolean byModerator) implements ForumEvent {
    }

    /**
     * A local member gave ({@code hearted}) or took back a heart on a post. Fired only when that changed, and
     * only for the heart (the reaction other servers know, as {@code Like}); the other reactions stay here.
     * {@code reaction} and {@code heartedAt} are those of the heart's row, so the heart's {@code Like} can be
     * named again when it is taken back.
     */
    record PostHearted(CommunityId community, UUID threadId, UUID postId, MemberId member, UUID reaction,
                       Instant heartedAt, boolean hearted) implements ForumEvent {
    }

    /** A moderator locked ({@code locked}) or unlocked a thread. Fired only when that changed. */
    record ThreadLocked(CommunityId community, UUID threadId, boolean locked) implements ForumEvent {
    }
}
