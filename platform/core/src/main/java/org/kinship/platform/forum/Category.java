package org.kinship.platform.forum;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.Role;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** A forum category of one community, managed by its admins. */
@Entity
@Table(name = "forum_category")
@EntityListeners(EntityChangeListener.class)
public class Category {
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 500;

    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Enumerated(EnumType.STRING)
    @Column(name = "who_may_start", nullable = false, length = 16)
    private StartPolicy whoMayStart;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Holds the threads copied from communities this one follows (FederatedForum); set once, when made. */
    @Column(name = "holds_remote", nullable = false, updatable = false)
    private boolean holdsRemote;

    @Version
    private long version;

    protected Category() {
    }

    public Category(CommunityId community, Details details, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.createdAt = now;
        update(details);
    }

    /** The category for threads copied from followed communities (only FederatedForum makes one). */
    public static Category forRemoteThreads(CommunityId community, Details details, Instant now) {
        Category made = new Category(community, details, now);
        made.holdsRemote = true;
        return made;
    }

    /** What an admin sets on a category. */
    public record Details(String name, String description, int sortOrder, StartPolicy whoMayStart) {
        public Details {
            name = Text.singleLine(ErrorCode.VALIDATION_FAILED, "category name", name, MAX_NAME);
            if (name == null) {
                throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                        "Category name is required.");
            }
            description = Text.optional("category description", description, MAX_DESCRIPTION);
            whoMayStart = whoMayStart == null ? StartPolicy.MEMBERS : whoMayStart;
        }
    }

    public void update(Details details) {
        Objects.requireNonNull(details);
        this.name = details.name();
        this.description = details.description();
        this.sortOrder = details.sortOrder();
        this.whoMayStart = details.whoMayStart();
    }

    public boolean allowsStartBy(Role role) {
        return whoMayStart.allows(role);
    }

    public UUID id() {
        return id;
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public StartPolicy whoMayStart() {
        return whoMayStart;
    }

    public boolean holdsRemote() {
        return holdsRemote;
    }
}
