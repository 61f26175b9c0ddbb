package org.kinship.platform.community;

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
import java.util.Optional;
import java.util.UUID;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * A person in one community: their pseudonym there, their role and where their membership stands.
 * The account it belongs to is never exposed: other members see the pseudonym and the member id,
 * which differ in every community.
 */
@Entity
@Table(name = "membership")
@EntityListeners(EntityChangeListener.class)
public class Membership {
    @Id
    private UUID id;

    @Column(name = "community_id", nullable = false, updatable = false)
    private UUID communityId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, length = Pseudonym.MAX_LENGTH * 2)
    private String pseudonym;

    /** The folded form the unique constraint (community_id, pseudonym_key) is on. */
    @Column(name = "pseudonym_key", nullable = false, length = Pseudonym.MAX_LENGTH * 4)
    private String pseudonymKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MembershipStatus status;

    @Column(name = "application_note", length = 500)
    private String applicationNote;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "joined_at")
    private Instant joinedAt;

    /** Until this moment the member may read but not write (set by a moderator). */
    @Column(name = "muted_until")
    private Instant mutedUntil;

    /** Who may start a direct message with this member (chat). */
    @Enumerated(EnumType.STRING)
    @Column(name = "dm_preference", nullable = false, length = 16)
    private DmPreference dmPreference = DmPreference.ANYONE;

    /** For a {@link MembershipStatus#REMOTE} membership: the remote actor (federation's remote_actor row). */
    @Column(name = "remote_actor_id", updatable = false)
    private UUID remoteActorId;

    @Version
    private long version;

    protected Membership() {
    }

    private Membership(CommunityId community, AccountId account, Pseudonym pseudonym, Role role,
                       MembershipStatus status, String applicationNote, Instant now) {
        this.id = UUID.randomUUID();
        this.communityId = community.value();
        this.accountId = account.value();
        this.role = role;
        this.status = status;
        this.applicationNote = Text.optional("application note", applicationNote, 500);
        this.requestedAt = now;
        this.joinedAt = status == MembershipStatus.ACTIVE ? now : null;
        rename(pseudonym);
    }

    /** A member who joins at once (open community, or an invitation). */
    public static Membership joined(CommunityId community, AccountId account, Pseudonym pseudonym, Role role, Instant now) {
        return new Membership(community, account, pseudonym, Objects.requireNonNull(role), MembershipStatus.ACTIVE, null, now);
    }

    /** Someone asking to join a community that approves its members. */
    public static Membership applied(CommunityId community, AccountId account, Pseudonym pseudonym, String note, Instant now) {
        return new Membership(community, account, pseudonym, Role.MEMBER, MembershipStatus.PENDING, note, now);
    }

    /**
     * A remote actor as an author in this community. {@code display} is shown as the pseudonym (name@host,
     * cut to the column's length); {@code key} keeps it unique and can never equal a local pseudonym's key.
     */
    public static Membership remote(CommunityId community, AccountId account, UUID remoteActor, String display,
                                    String key, Instant now) {
        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.communityId = community.value();
        m.accountId = account.value();
        m.remoteActorId = Objects.requireNonNull(remoteActor);
        m.pseudonym = display.length() > Pseudonym.MAX_LENGTH * 2 ? display.substring(0, Pseudonym.MAX_LENGTH * 2) : display;
        m.pseudonymKey = key;
        m.role = Role.MEMBER;
        m.status = MembershipStatus.REMOTE;
        m.requestedAt = now;
        m.joinedAt = now;
        return m;
    }

    public boolean isRemote() {
        return status == MembershipStatus.REMOTE;
    }

    public Optional<UUID> remoteActor() {
        return Optional.ofNullable(remoteActorId);
    }

    /** A moderator lets an applicant in. */
    public void approve(Instant now) {
        if (status != MembershipStatus.PENDING) {
            throw new KinshipException(ErrorCode.NOT_PENDING, "This person is not waiting for approval.");
        }
        status = MembershipStatus.ACTIVE;
        joinedAt = now;
        applicationNote = null;
    }

    /** Someone who left comes back: under a pseudonym of their choosing, as a member again. */
    public void rejoin(Pseudonym newPseudonym, boolean needsApproval, String note, Instant now) {
        if (status != MembershipStatus.LEFT) {
            throw new IllegalStateException("only a member who left can rejoin");
        }
        rename(newPseudonym);
        role = Role.MEMBER;
        status = needsApproval ? MembershipStatus.PENDING : MembershipStatus.ACTIVE;
        applicationNote = needsApproval ? Text.optional("application note", note, 500) : null;
        requestedAt = now;
        joinedAt = needsApproval ? null : now;
    }

    public void leave() {
        if (status != MembershipStatus.ACTIVE) {
            throw new KinshipException(ErrorCode.NOT_A_MEMBER, "You are not a member of this community.");
        }
        status = MembershipStatus.LEFT;
        role = Role.MEMBER;
    }

    /** Changes the role. The caller checks who may do this; the last admin rule is the service's. */
    public void changeRole(Role newRole) {
        if (status != MembershipStatus.ACTIVE) {
            throw new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "Only active members have a role.");
        }
        this.role = Objects.requireNonNull(newRole);
    }

    /** A moderator bans this member from the community; a banned admin or moderator loses the role. */
    public void ban() {
        status = MembershipStatus.BANNED;
        role = Role.MEMBER;
    }

    /** A moderator stops this member from writing until the given moment. */
    public void mute(Instant until) {
        this.mutedUntil = Objects.requireNonNull(until);
    }

    public void unmute() {
        this.mutedUntil = null;
    }

    public boolean isMuted(Instant now) {
        return mutedUntil != null && now.isBefore(mutedUntil);
    }

    public Instant mutedUntil() {
        return mutedUntil;
    }

    /** The member chooses who may send them direct messages. */
    public void chooseDirectMessages(DmPreference preference) {
        this.dmPreference = Objects.requireNonNull(preference);
    }

    public DmPreference dmPreference() {
        return dmPreference == null ? DmPreference.ANYONE : dmPreference;
    }

    private void rename(Pseudonym newPseudonym) {
        this.pseudonym = newPseudonym.value();
        this.pseudonymKey = newPseudonym.key();
    }

    public MemberId id() {
        return new MemberId(id);
    }

    public CommunityId community() {
        return new CommunityId(communityId);
    }

    public AccountId account() {
        return new AccountId(accountId);
    }

    public Pseudonym pseudonym() {
        return Pseudonym.fromStored(pseudonym);
    }

    public Role role() {
        return role;
    }

    public MembershipStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }

    public String applicationNote() {
        return applicationNote;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant joinedAt() {
        return joinedAt;
    }
}
