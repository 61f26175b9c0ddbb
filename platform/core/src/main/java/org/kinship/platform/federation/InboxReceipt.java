package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;

/** An activity the inbox accepted. Its primary key makes a second delivery of the same id a no-op. */
@Entity
@Table(name = "inbox_receipt")
public class InboxReceipt {
    @Id
    @Column(name = "activity_hash", length = 64)
    private String activityHash;

    @Column(name = "activity_iri", nullable = false, length = 2048, updatable = false)
    private String activityIri;

    @Column(name = "actor_host", nullable = false, length = 255, updatable = false)
    private String actorHost;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected InboxReceipt() {
    }

    String hash() {
        return activityHash;
    }

    static String hashOf(URI activity) {
        return Hashes.sha256(activity.toString());
    }
}
