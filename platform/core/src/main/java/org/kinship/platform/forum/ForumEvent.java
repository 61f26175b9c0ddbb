package org.kinship.platform.forum;

import java.util.Set;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;

/** What happened in a forum, for the modules that react to it (moderation queue, notifications). */
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
}
