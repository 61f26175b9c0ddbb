package org.kinship.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The forum's request and response payloads. */
public final class ForumPayloads {
    private ForumPayloads() {
    }

    /** {@code fromElsewhere}: the category where threads shared by followed communities arrive (one per community). */
    public record CategoryData(String id, String name, String description, int sortOrder, String whoMayStart,
            boolean fromElsewhere) {
    }

    public record CategoryRequest(String name, String description, Integer sortOrder, String whoMayStart) {
    }

    /**
     * A thread in a listing. {@code title} is null when the author deleted the opening post. {@code origin}
     * is there only for a thread written in another community (see {@link OriginData}).
     */
    public record ThreadSummary(String id, String categoryId, String visibility, String title, String author,
                                boolean pinned, boolean locked, boolean hidden, boolean needsWelcome, int replyCount,
                                SharingData sharing, int unread, Instant createdAt, Instant lastActivityAt,
                                @JsonbNillable(false) OriginData origin) {
    }

    /**
     * Where a thread or post shown here was written, when that was on another server: {@code handle} names
     * the community (or person) it came from, {@code url} is the original, absent when it is not a web
     * address. The field is left out altogether for what was written here, which is nearly everything: the
     * forum's hot answers stay as they were.
     */
    public record OriginData(String handle, @JsonbNillable(false) String url) {
    }

    /**
     * Whether a thread is shared beyond the community (its author's consent), and whether a moderator's
     * request to share waits for the author: {@code requested} is true only for the author and moderators.
     */
    public record SharingData(boolean shared, boolean requested) {
    }

    /**
     * A post as a reader sees it. {@code html} is sanitised and safe to insert; it is null for a
     * tombstone or for a hidden post the reader may not see ({@code state} says which). {@code origin}
     * is there only for a reply written on another server.
     */
    public record PostData(String id, int seq, String author, String authorId, String inReplyTo, String state,
                           String contentWarning, String html, String source, Instant createdAt, Instant editedAt,
                           Map<String, Long> reactions, List<String> myReactions, boolean crisisFlag,
                           @JsonbNillable(false) OriginData origin) {
    }

    public record CircleMemberData(String memberId, String pseudonym, String status) {
    }

    public record ThreadData(ThreadSummary thread, List<PostData> posts, int nextSeq, boolean hasMore, int lastRead,
                             List<CircleMemberData> circle) {
    }

    public record NewThreadRequest(String categoryId, String title, String body, String contentWarning, List<String> circle) {
    }

    public record ReplyRequest(String inReplyTo, String body, String contentWarning) {
    }

    public record EditRequest(String title, String body, String contentWarning) {
    }

    /** What a member gets back after writing: the post, and the crisis resources when their words suggested crisis. */
    public record WrittenData(String threadId, PostData post, List<Payloads.CrisisResourceData> crisisSupport) {
    }

    public record RevisionData(String title, String source, String contentWarning, Instant replacedAt) {
    }

    public record ReadRequest(Integer seq) {
    }

    public record CircleInviteRequest(String pseudonym) {
    }

    /** A search hit. {@code excerpt} is plain text (escape it when showing it). */
    public record SearchHit(String threadId, String threadTitle, String visibility, String postId, int seq, String author,
                            String excerpt, Instant createdAt) {
    }

    public record CirclesData(List<ThreadSummary> circles, List<ThreadSummary> invitations) {
    }
}
