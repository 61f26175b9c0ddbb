package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kinship.federation.document.CollectionDocuments;
import org.kinship.platform.community.Community;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;

/**
 * A shared thread's FEP-7888 context: the collection peers backfill a whole conversation from (Lemmy, Mbin,
 * NodeBB and Mastodon's FEP-f228 fetchers) instead of walking {@code inReplyTo} one post at a time.
 *
 * <p>Its id is {@code /ap/threads/{id}/context}, apart from the thread's own id, and our Page and Notes point
 * there with {@code context}. The thread's id already answers as the Page itself, so it cannot also be the
 * collection; Lemmy does the same ({@code /post/{id}/context}), and FEP-f228 asks exactly this of a
 * "collection of posts": the top-level post's {@code context} resolves to the collection. NodeBB instead makes
 * the topic id a {@code Conversation} object carrying a {@code posts} collection; peers that read either form
 * group by the context id, which only has to be the same on every post.
 *
 * <p>Which thread may be listed is decided by the caller ({@link LocalActors}: shared, visible, in a
 * federating community, ours); this class only lists what the thread shows: posts neither deleted nor hidden
 * by moderators, opening post first, then replies in the order they were written. Replies from other servers
 * are listed by their origin's id, as every peer knows them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ThreadContexts {
    /** Posts per page; a system property so an operator (or a test) can change it without a build. */
    static final String PAGE_SIZE_PROPERTY = "kinship.federation.page-size";
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final int LARGEST_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    private final LocalIris iris = LocalIris.configured();

    /** The collection itself: how many posts, and where the first page is. */
    JsonObject collection(Community community, ForumThread thread) {
        URI id = iris.threadContext(thread.id());
        return CollectionDocuments.context(id, iris.group(community.slug().value()), visibleCount(thread.id()), pageIri(id, 1));
    }

    /**
     * One page, counted from 1. A page past the end is empty rather than missing: a post hidden between two
     * fetches must not turn a peer's next page into an error.
     */
    JsonObject page(Community community, ForumThread thread, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("pages are counted from 1");
        }
        int size = pageSize();
        URI id = iris.threadContext(thread.id());
        long total = visibleCount(thread.id());
        List<Post> posts = em.createQuery("select p from Post p where p.threadId = :t and p.deletedAt is null "
                        + "and p.hidden = false order by p.seq", Post.class)
                .setParameter("t", thread.id())
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size))
                .setMaxResults(size)
                .getResultList();
        Map<UUID, URI> origins = originIris(community, posts);
        List<URI> items = posts.stream().map(p -> p.seq() == 0 ? iris.thread(thread.id())
                : origins.getOrDefault(p.id(), iris.post(p.id()))).toList();
        URI next = (long) number * size < total ? pageIri(id, number + 1) : null;
        URI prev = number > 1 ? pageIri(id, number - 1) : null;
        return CollectionDocuments.page(pageIri(id, number), id, items, next, prev);
    }

    private long visibleCount(UUID thread) {
        return em.createQuery("select count(p) from Post p where p.threadId = :t and p.deletedAt is null and p.hidden = false",
                Long.class).setParameter("t", thread).getSingleResult();
    }

    /** The ids replies from other servers have at their origin, for one page in one query. */
    private Map<UUID, URI> originIris(Community community, List<Post> posts) {
        List<UUID> ids = posts.stream().filter(p -> p.seq() > 0).map(Post::id).toList();
        Map<UUID, URI> origins = new HashMap<>();
        if (ids.isEmpty()) {
            return origins;
        }
        em.createQuery("select o from FederatedObject o where o.key.communityId = :c and o.localId in :ids and o.kind = :k",
                        FederatedObject.class)
                .setParameter("c", community.id().value()).setParameter("ids", ids).setParameter("k", FederatedObject.Kind.POST)
                .getResultList()
                .forEach(o -> origins.put(o.localId(), o.iri()));
        return origins;
    }

    static URI pageIri(URI collection, int number) {
        return URI.create(collection + "?page=" + number);
    }

    static int pageSize() {
        int configured = Integer.getInteger(PAGE_SIZE_PROPERTY, DEFAULT_PAGE_SIZE);
        return Math.max(1, Math.min(LARGEST_PAGE_SIZE, configured));
    }
}
