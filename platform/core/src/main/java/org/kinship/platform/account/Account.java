package org.kinship.platform.account;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who has signed in at least once. Kinship keeps only the identity provider's opaque
 * subject: no user name, no e-mail, no real name. What others see is a per-community pseudonym
 * on a {@link org.kinship.platform.community.Membership}.
 */
@Entity
@Table(name = "account")
@EntityListeners(EntityChangeListener.class)
public class Account {
    @Id
    private UUID id;

    /** Updatable only by {@link #forget()}. */
    @Column(name = "oidc_subject", nullable = false, unique = true)
    private String subject;

    /** The subject before {@link #forget()}, so that caches keyed by it can let go. Not stored. */
    @jakarta.persistence.Transient
    private String formerSubject;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(String subject, Instant now) {
        this.id = UUID.randomUUID();
        this.subject = Objects.requireNonNull(subject, "subject");
        this.createdAt = Objects.requireNonNull(now);
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public String subject() {
        return subject;
    }

    /** The subject this account had before it was deleted in this unit of work, or null. */
    public String formerSubject() {
        return formerSubject;
    }

    /**
     * The person deleted their account: the identity provider's subject no longer leads here, so a
     * later sign-in with the same identity starts a new, empty account. The row stays (memberships
     * refer to it) but ties to no one.
     */
    public void forget() {
        if (!subject.startsWith("deleted:")) {
            formerSubject = subject;
            subject = "deleted:" + id;
        }
    }
}
