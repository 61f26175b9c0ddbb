package org.kinship.platform.moderation;

import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * A member reported a forum post. Federation observes it: when the post came from another server, the report
 * also goes to the moderators of the community it came from (as an ActivityPub Flag, in this community's
 * name, never the reporter's).
 */
public record Reported(CommunityId community, UUID threadId, UUID postId, String reason) {
}
