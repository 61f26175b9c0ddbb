package org.kinship.platform.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jakarta.inject.Inject;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;

/** Queries over the forum. Finders return Optional; page queries fetch a page and what it shows in a few round trips. */
@ApplicationScoped
public class ForumRepository {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    public List<Category> categories(CommunityId community) {
        return em.createQuery("select c from Category c where c.communityId = :c order by c.sortOrder, lower(c.name)",
                        Category.class)
                .setParameter("c", community.value())
                .getResultList();
    }

    public Optional<Category> category(CommunityId community, UUID id) {
        Category c = em.find(Category.class, id);
        return c != null && c.community().equals(community) ? Optional.of(c) : Optional.empty();
    }

    public boolean categoryHasThreads(UUID categoryId) {
        return !em.createQuery("select t.id from ForumThread t where t.categoryId = :c", UUID.class)
                .setParameter("c", categoryId).setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<ForumThread> thread(CommunityId community, UUID id) {
        ForumThread t = em.find(ForumThread.class, id);
        return t != null && t.community().equals(community) ? Optional.of(t) : Optional.empty();
    }

    /** A thread of any community, for trusted callers that know it only by id (the federation code). */
    public Optional<ForumThread> thread(UUID id) {
        return Optional.ofNullable(em.find(ForumThread.class, id));
    }

    /**
     * The thread, re-read and locked until the transaction ends: how posts get their sequence numbers
     * one at a time. (A refresh under the lock, not em.lock: the latter also checks the version read
     * earlier, and a concurrent reply has always changed it.)
     */
    public ForumThread lockThread(ForumThread thread) {
        em.refresh(thread, LockModeType.PESSIMISTIC_WRITE);
        return thread;
    }

    public Optional<Post> post(CommunityId community, UUID id) {
        Post p = em.find(Post.class, id);
        return p != null && p.community().equals(community) ? Optional.of(p) : Optional.empty();
    }

    public Optional<Post> openingPost(UUID threadId) {
        return em.createQuery("select p from Post p where p.threadId = :t and p.seq = 0", Post.class)
                .setParameter("t", threadId).getResultStream().findFirst();
    }

    public List<Post> posts(UUID threadId, int fromSeq, int limit) {
        return em.createQuery("select p from Post p where p.threadId = :t and p.seq >= :from order by p.seq", Post.class)
                .setParameter("t", threadId)
                .setParameter("from", fromSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<PostRevision> revisions(UUID postId) {
        return em.createQuery("select r from PostRevision r where r.postId = :p order by r.replacedAt", PostRevision.class)
                .setParameter("p", postId).getResultList();
    }

    public boolean hasStartedThreads(MemberId author) {
        return !em.createQuery("select t.id from ForumThread t where t.authorId = :a", UUID.class)
                .setParameter("a", author.value()).setMaxResults(1).getResultList().isEmpty();
    }

    /** Community threads for a listing, newest activity first, pinned ones on top. */
    public List<ForumThread> threads(CommunityId community, UUID categoryId, boolean unansweredOnly, boolean includeHidden,
                                     int offset, int limit) {
        String jpql = "select t from ForumThread t where t.communityId = :c and t.visibility = :v"
                + (categoryId != null ? " and t.categoryId = :cat" : "")
                + (unansweredOnly ? " and t.replyCount = 0" : "")
                + (includeHidden ? "" : " and t.hidden = false")
                + " order by t.pinned desc, t.lastActivityAt desc";
        var query = em.createQuery(jpql, ForumThread.class)
                .setParameter("c", community.value())
                .setParameter("v", Visibility.COMMUNITY);
        if (categoryId != null) {
            query.setParameter("cat", categoryId);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** Circles a member started or belongs to (accepted), and circles they are invited to. */
    public List<ForumThread> circlesOf(MemberId member, Collection<CircleMember.Status> statuses) {
        return em.createQuery("select t from ForumThread t where t.visibility = :v and (t.authorId = :m or t.id in"
                        + " (select c.threadId from CircleMember c where c.memberId = :m and c.status in :s))"
                        + " order by t.lastActivityAt desc", ForumThread.class)
                .setParameter("v", Visibility.CIRCLE)
                .setParameter("m", member.value())
                .setParameter("s", statuses)
                .getResultList();
    }

    public Optional<CircleMember> circleMember(UUID threadId, MemberId member) {
        return em.createQuery("select c from CircleMember c where c.threadId = :t and c.memberId = :m", CircleMember.class)
                .setParameter("t", threadId).setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    public List<CircleMember> circleMembers(UUID threadId) {
        return em.createQuery("select c from CircleMember c where c.threadId = :t order by c.invitedAt", CircleMember.class)
                .setParameter("t", threadId).getResultList();
    }

    /** Pseudonyms of the given members, in one query (see CommunityRepository). */
    public Map<UUID, String> pseudonyms(Set<UUID> memberIds) {
        return communities.pseudonyms(memberIds);
    }

    /** Reaction counts per post and kind, and which of them the reader gave, for a page of posts. */
    public Map<UUID, Map<ReactionKind, Long>> reactionCounts(Collection<UUID> postIds) {
        Map<UUID, Map<ReactionKind, Long>> counts = new HashMap<>();
        if (postIds.isEmpty()) {
            return counts;
        }
        em.createQuery("select r.postId, r.kind, count(r) from Reaction r where r.postId in :ids group by r.postId, r.kind",
                        Object[].class)
                .setParameter("ids", postIds)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(ReactionKind.class))
                        .put((ReactionKind) row[1], (Long) row[2]));
        return counts;
    }

    public Set<String> myReactions(Collection<UUID> postIds, MemberId reader) {
        Set<String> mine = new HashSet<>();
        if (postIds.isEmpty()) {
            return mine;
        }
        em.createQuery("select r.postId, r.kind from Reaction r where r.postId in :ids and r.memberId = :m", Object[].class)
                .setParameter("ids", postIds)
                .setParameter("m", reader.value())
                .getResultList()
                .forEach(row -> mine.add(row[0] + "/" + row[1]));
        return mine;
    }

    /** The reactions a member gave anywhere in a thread, as "postId/KIND". */
    public Set<String> myReactionsInThread(UUID threadId, MemberId reader) {
        Set<String> mine = new HashSet<>();
        em.createQuery("select r.postId, r.kind from Reaction r, Post p where p.id = r.postId and p.threadId = :t"
                        + " and r.memberId = :m", Object[].class)
                .setParameter("t", threadId)
                .setParameter("m", reader.value())
                .getResultList()
                .forEach(row -> mine.add(row[0] + "/" + row[1]));
        return mine;
    }

    public Optional<Reaction> reaction(UUID postId, MemberId member, ReactionKind kind) {
        return em.createQuery("select r from Reaction r where r.postId = :p and r.memberId = :m and r.kind = :k", Reaction.class)
                .setParameter("p", postId).setParameter("m", member.value()).setParameter("k", kind)
                .getResultStream().findFirst();
    }

    public Optional<ReadMarker> readMarker(UUID threadId, MemberId member) {
        return em.createQuery("select r from ReadMarker r where r.threadId = :t and r.memberId = :m", ReadMarker.class)
                .setParameter("t", threadId).setParameter("m", member.value())
                .getResultStream().findFirst();
    }

    /** Last read sequence per thread for a listing. */
    public Map<UUID, Integer> readMarkers(Collection<UUID> threadIds, MemberId member) {
        Map<UUID, Integer> marks = new HashMap<>();
        if (threadIds.isEmpty()) {
            return marks;
        }
        em.createQuery("select r.threadId, r.lastSeq from ReadMarker r where r.threadId in :ids and r.memberId = :m",
                        Object[].class)
                .setParameter("ids", threadIds)
                .setParameter("m", member.value())
                .getResultList()
                .forEach(row -> marks.put((UUID) row[0], (Integer) row[1]));
        return marks;
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void remove(Object entity) {
        em.remove(entity);
    }

    public void flush() {
        em.flush();
    }
}
