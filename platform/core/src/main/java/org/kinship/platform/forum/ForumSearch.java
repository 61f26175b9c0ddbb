package org.kinship.platform.forum;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.persistence.Database;
import org.kinship.platform.forum.ForumAccess.Reader;

/**
 * Full-text search within one community that only ever returns what the searcher may read: the
 * visibility rules of {@link ForumAccess} are repeated in the query's WHERE clause (there is no
 * filtering after the fact that a page size could leak through). PostgreSQL uses its word index;
 * the embedded H2 database falls back to a scan with LIKE, which is fine at demo sizes.
 */
@ApplicationScoped
public class ForumSearch {
    public static final int MAX_QUERY = 200;
    public static final int PAGE = 30;

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/KinshipDS")
    DataSource dataSource;

    @Inject
    CommunityRepository communities;

    @Inject
    ForumAccess access;

    @Inject
    ForumRepository repository;

    private boolean postgres;

    @PostConstruct
    void detectDatabase() {
        postgres = Database.of(dataSource) == Database.POSTGRESQL;
    }

    /** A hit: the post, its thread and who wrote it. */
    public record Hit(Post post, ForumThread thread, String author) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hit> search(Caller caller, String slug, String typed, int page) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        List<String> words = words(typed);
        String visible = " p.community_id = :community and p.deleted_at is null"
                + " and (p.hidden = false or :moderator = true or p.author_id = :me)"
                + " and ((t.visibility = 'COMMUNITY' and (t.hidden = false or :moderator = true or t.author_id = :me))"
                + "   or (t.visibility = 'CIRCLE' and (t.author_id = :me or exists (select 1 from circle_member c"
                + "       where c.thread_id = t.id and c.member_id = :me and c.status = 'ACCEPTED'))))";
        StringBuilder match = new StringBuilder();
        if (postgres) {
            match.append(" and (to_tsvector('simple', coalesce(p.body_text, '')) @@ plainto_tsquery('simple', :q)"
                    + " or (p.seq = 0 and to_tsvector('simple', coalesce(t.title, '')) @@ plainto_tsquery('simple', :q)))");
        } else {
            for (int i = 0; i < words.size(); i++) {
                match.append(" and (lower(p.body_text) like :w").append(i)
                        .append(" or (p.seq = 0 and lower(t.title) like :w").append(i).append("))");
            }
        }
        Query query = em.createNativeQuery("select p.id from forum_post p join forum_thread t on t.id = p.thread_id where"
                        + visible + match + " order by p.created_at desc")
                .setParameter("community", community.id().value())
                .setParameter("moderator", reader.moderator())
                .setParameter("me", reader.id().value())
                .setFirstResult(Math.max(0, page) * PAGE)
                .setMaxResults(PAGE);
        if (postgres) {
            query.setParameter("q", String.join(" ", words));
        } else {
            for (int i = 0; i < words.size(); i++) {
                query.setParameter("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        List<UUID> ids = new ArrayList<>();
        for (Object row : query.getResultList()) {
            ids.add(row instanceof UUID u ? u : UUID.fromString(row.toString()));
        }
        List<Hit> hits = new ArrayList<>();
        Set<UUID> people = new HashSet<>();
        List<Post> posts = new ArrayList<>();
        for (UUID id : ids) {
            repository.post(community.id(), id).ifPresent(p -> {
                posts.add(p);
                people.add(p.author().value());
            });
        }
        Map<UUID, String> names = repository.pseudonyms(people);
        for (Post p : posts) {
            hits.add(new Hit(p, repository.thread(community.id(), p.threadId()).orElseThrow(), names.get(p.author().value())));
        }
        return hits;
    }

    /** The words searched for: lower case, at most 8, each at least 2 characters. */
    static List<String> words(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Type something to search for.");
        }
        if (typed.length() > MAX_QUERY) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A search is at most " + MAX_QUERY + " characters.");
        }
        List<String> words = Arrays.stream(typed.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2)
                .distinct()
                .limit(8)
                .toList();
        if (words.isEmpty()) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Search for words of at least two letters or digits.");
        }
        return words;
    }
}
