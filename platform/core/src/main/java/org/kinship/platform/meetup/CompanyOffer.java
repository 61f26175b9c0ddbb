package org.kinship.platform.meetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinship.platform.community.MemberId;

/** A member's offer to go together with someone who asked for company. */
@Entity
@Table(name = "meetup_company_offer")
public class CompanyOffer {
    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CompanyOffer() {
    }

    CompanyOffer(CompanyRequest request, MemberId member, Instant now) {
        this.id = UUID.randomUUID();
        this.requestId = request.id();
        this.memberId = member.value();
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public MemberId member() {
        return new MemberId(memberId);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
