package org.kinship.platform.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/** A community's federation mode. No row means {@link FederationMode#OFF}. */
@Entity
@Table(name = "federation_policy")
public class FederationPolicy {
    @Id
    @Column(name = "community_id")
    private UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FederationMode mode;

    @Version
    private long version;

    protected FederationPolicy() {
    }

    public FederationPolicy(CommunityId community, FederationMode mode) {
        this.communityId = community.value();
        this.mode = mode;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public FederationMode mode() {
        return mode;
    }

    void change(FederationMode mode) {
        this.mode = mode;
    }
}
