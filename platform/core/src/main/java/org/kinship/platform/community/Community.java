package org.kinship.platform.community;

import jakarta.persistence.EntityListeners;
import org.kinship.platform.persistence.EntityChangeListener;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A community: one municipality or user organisation, with its own members, pseudonyms, rules and
 * crisis numbers. Everything a member writes belongs to exactly one community.
 */
@Entity
@Table(name = "community")
@EntityListeners(EntityChangeListener.class)
public class Community {
    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false, length = 40)
    private String slug;

    @Column(nullable = false, length = CommunitySettings.MAX_NAME)
    private String name;

    @Column(length = CommunitySettings.MAX_DESCRIPTION)
    private String description;

    @Column(nullable = false, length = 35)
    private String language;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_policy", nullable = false, length = 16)
    private RegistrationPolicy registrationPolicy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_crisis_resource", joinColumns = @JoinColumn(name = "community_id"))
    @OrderColumn(name = "sort_order")
    private List<CrisisResource> crisisResources = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The admins replaced the default crisis word list for the community's language (see SafetySignals). */
    @Column(name = "custom_crisis_phrases", nullable = false)
    private boolean customCrisisPhrases;

    /** Whether ordinary members may organise meetups; moderators and admins always may. */
    @Column(name = "members_create_meetups", nullable = false)
    private boolean membersCreateMeetups;

    @Version
    private long version;

    protected Community() {
    }

    public Community(Slug slug, CommunitySettings settings, Instant now) {
        this.id = UUID.randomUUID();
        this.slug = Objects.requireNonNull(slug).value();
        this.createdAt = Objects.requireNonNull(now);
        configure(settings);
    }

    /** Applies an admin's settings as a whole: what is left out is cleared, as on a settings form. */
    public void configure(CommunitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.name = settings.name();
        this.description = settings.description();
        this.language = settings.language();
        this.timeZone = settings.timeZone().getId();
        this.registrationPolicy = settings.registrationPolicy();
        this.crisisResources.clear();
        this.crisisResources.addAll(settings.crisisResources());
    }

    public void useCustomCrisisPhrases(boolean custom) {
        this.customCrisisPhrases = custom;
    }

    /** An admin opens (or closes) organising meetups to every member. */
    public void letMembersOrganiseMeetups(boolean allowed) {
        this.membersCreateMeetups = allowed;
    }

    public boolean membersOrganiseMeetups() {
        return membersCreateMeetups;
    }

    public boolean customCrisisPhrases() {
        return customCrisisPhrases;
    }

    public CommunityId id() {
        return new CommunityId(id);
    }

    public Slug slug() {
        return new Slug(slug);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String language() {
        return language;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public RegistrationPolicy registrationPolicy() {
        return registrationPolicy;
    }

    public List<CrisisResource> crisisResources() {
        return List.copyOf(crisisResources);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
