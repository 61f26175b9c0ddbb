package org.kinship.platform.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.persistence.UniqueViolation;

/** Creating, configuring and listing communities. */
@ApplicationScoped
@Transactional
public class CommunityService {
    /** How long a new community's first-admin link stays valid. */
    static final Duration FIRST_ADMIN_LINK_VALIDITY = Duration.ofDays(14);

    @Inject
    CommunityRepository repository;

    @Inject
    CommunityAccess access;

    @Inject
    Clock clock;

    @Inject
    Event<CommunityCreated> created;

    /** A community in the public directory, with its number of active members. */
    public record DirectoryEntry(Community community, long memberCount) {
    }

    /** A new community, and the single-use link that makes whoever opens it the first admin. */
    public record Created(Community community, Invitation.Issued firstAdminInvitation) {
    }

    /**
     * A platform admin creates a community. Its first admin is named by handing them the returned
     * link: Kinship never learns anyone's user name, so naming a person means giving them a key.
     */
    public Created create(Caller caller, Slug slug, CommunitySettings settings) {
        if (!caller.platformAdmin()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only a platform admin can create communities.");
        }
        if (repository.slugTaken(slug)) {
            throw slugTaken(slug);
        }
        Community community = new Community(slug, settings, clock.instant());
        repository.persist(community);
        Invitation.Issued firstAdmin = Invitation.issue(community.id(), Role.ADMIN, null, clock.instant(),
                FIRST_ADMIN_LINK_VALIDITY, 1);
        repository.persist(firstAdmin.invitation());
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_community_slug")) {
                throw slugTaken(slug);
            }
            throw e;
        }
        created.fire(new CommunityCreated(community.id(), slug));
        return new Created(community, firstAdmin);
    }

    /** A community admin changes the settings. */
    public Community configure(Caller caller, String slug, CommunitySettings settings) {
        Community community = repository.requireBySlug(slug);
        access.requireAdmin(caller, community);
        community.configure(settings);
        return community;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DirectoryEntry> directory() {
        Map<CommunityId, Long> counts = repository.activeMemberCounts();
        return repository.all().stream()
                .map(c -> new DirectoryEntry(c, counts.getOrDefault(c.id(), 0L)))
                .sorted(Comparator.comparing(e -> e.community().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DirectoryEntry describe(String slug) {
        Community community = repository.requireBySlug(slug);
        return new DirectoryEntry(community, repository.activeMemberCount(community.id()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Community> find(String slug) {
        return repository.findBySlug(slug);
    }

    private static KinshipException slugTaken(Slug slug) {
        return new KinshipException(ErrorCode.SLUG_TAKEN, "A community with the slug '" + slug + "' already exists.");
    }
}
