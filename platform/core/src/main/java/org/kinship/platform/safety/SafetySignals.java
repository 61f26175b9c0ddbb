package org.kinship.platform.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Looks for crisis language in what a member writes, with the community's own phrase list or, until
 * its admins write one, the default list for its language. Finding some never blocks the writing:
 * the caller alerts the moderators and shows the author the community's crisis resources.
 */
@ApplicationScoped
public class SafetySignals {
    private final Map<String, CrisisLanguage> defaults = new ConcurrentHashMap<>();
    /** Compiled custom lists. Each node keeps its own; an edit on another node reaches this one when it restarts (see README, cluster). */
    private final Map<CommunityId, CrisisLanguage> custom = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    /** The crisis phrases found in the text (empty when none). */
    public Set<String> detect(Community community, String text) {
        Set<String> phrases = new LinkedHashSet<>();
        languageOf(community).find(text).forEach(match -> phrases.add(match.phrase()));
        return phrases;
    }

    private CrisisLanguage languageOf(Community community) {
        if (community.customCrisisPhrases()) {
            return custom.computeIfAbsent(community.id(), id -> CrisisLanguage.of(stored(id)));
        }
        return defaults.computeIfAbsent(community.language(), CrisisLanguage::defaults);
    }

    private List<String> stored(CommunityId community) {
        return em.createQuery("select p.phrase from CrisisPhrase p where p.communityId = :c order by p.phrase", String.class)
                .setParameter("c", community.value())
                .getResultList();
    }

    /** The list in force, as moderators and admins see it. */
    public record PhraseList(String language, boolean custom, List<String> phrases, List<String> defaults) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PhraseList phrases(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        access.requireModerator(caller, community);
        List<String> defaultList = CrisisLanguage.defaultPhrases(community.language());
        return new PhraseList(community.language(), community.customCrisisPhrases(),
                community.customCrisisPhrases() ? stored(community.id()) : defaultList, defaultList);
    }

    /** An admin replaces the list. An empty list is refused: it would never alert anyone. */
    @Transactional
    public PhraseList replace(Caller caller, String slug, List<String> phrases) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        if (phrases == null || phrases.stream().allMatch(p -> p == null || p.isBlank())) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "A crisis list needs at least one phrase; to go back to the default list, reset it instead.");
        }
        CrisisLanguage checked;
        try {
            checked = CrisisLanguage.of(phrases.stream().map(p -> p == null ? "" : p).toList());
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, e.getMessage());
        }
        if (checked.phrases().isEmpty()) {
            // Only comments ("# ...") left: as empty as no list at all.
            throw new KinshipException(ErrorCode.VALIDATION_FAILED,
                    "A crisis list needs at least one phrase that is not a comment; to go back to the default list, reset it instead.");
        }
        em.createQuery("delete from CrisisPhrase p where p.communityId = :c").setParameter("c", community.id().value())
                .executeUpdate();
        checked.phrases().forEach(p -> em.persist(new CrisisPhrase(community.id(), p)));
        community.useCustomCrisisPhrases(true);
        custom.put(community.id(), checked);
        return phrases(caller, slug);
    }

    /** Back to the default list for the community's language. */
    @Transactional
    public PhraseList reset(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        access.requireAdmin(caller, community);
        em.createQuery("delete from CrisisPhrase p where p.communityId = :c").setParameter("c", community.id().value())
                .executeUpdate();
        community.useCustomCrisisPhrases(false);
        custom.remove(community.id());
        return phrases(caller, slug);
    }
}
