package org.kinship.platform.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A name a member chose to show one other member. Nobody else ever sees it. */
@Entity
@Table(name = "name_reveal")
public class NameReveal {
    public static final int MAX_NAME = 64;

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "revealed_to", nullable = false, updatable = false)
    private UUID revealedTo;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected NameReveal() {
    }

    NameReveal(MemberId member, MemberId to, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.memberId = member.value();
        this.revealedTo = to.value();
        this.createdAt = now;
        rename(name, now);
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.createdAt = now;
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public MemberId revealedTo() {
        return new MemberId(revealedTo);
    }

    public String name() {
        return name;
    }
}
