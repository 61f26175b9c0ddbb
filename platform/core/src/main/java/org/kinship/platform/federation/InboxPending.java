package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * An activity the inbox accepted (its {@link InboxReceipt} exists) and has not applied yet: the request's body as
 * received, so that a restart, or another node of a cluster, can apply it without the peer sending it again.
 * Deleted in the transaction that applies it.
 */
@Entity
@Table(name = "inbox_pending")
public class InboxPending {
    @Id
    @Column(name = "activity_hash", length = 64)
    private String activityHash;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "sender_iri", nullable = false, length = 2048, updatable = false)
    private String senderIri;

    @Column(name = "community_ids", nullable = false, length = 4000, updatable = false)
    private String communityIds;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected InboxPending() {
    }

    String activityHash() {
        return activityHash;
    }

    String body() {
        return body;
    }

    String senderIri() {
        return senderIri;
    }

    /** How the admitted communities are stored (read back by {@link #communities()}): their ids, comma-separated. */
    static String communityIds(List<CommunityId> communities) {
        return communities.stream().map(c -> c.value().toString()).collect(java.util.stream.Collectors.joining(","));
    }

    List<CommunityId> communities() {
        return communityIds.isEmpty() ? List.of()
                : Arrays.stream(communityIds.split(",")).map(s -> new CommunityId(UUID.fromString(s))).toList();
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    void failedAttempt(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        nextAttemptAt = retryAt;
    }

    void gaveUp(Instant now) {
        failedAt = now;
    }
}
