package org.kinship.platform.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.persistence.BoundedCache;
import org.kinship.platform.persistence.EntityChanged;

/**
 * The forum's read side, kept in memory: what thread pages and listings show, and the few facts about
 * the reader they need (membership, read markers, own reactions). Reading a busy thread costs no
 * database round trip once it is here, which is what lets one small server answer thousands of page
 * reads a second.
 *
 * <p>Nothing here is ever written through: every entity write is announced by
 * {@link org.kinship.platform.persistence.EntityChangeListener} and drops what was derived from it, at
 * flush and again after commit, and {@link BoundedCache} refuses to keep a value loaded while such a
 * drop happened. The cached entities are detached copies that only the read path sees; use cases that
 * change something always load their own managed instances. Access rules are not cached: they are
 * applied to the cached facts on every read (see {@link ForumService#read}).
 *
 * <p>The caches are per server. A cluster must deliver {@code EntityChanged} to every node.
 */
@ApplicationScoped
public class ForumReadModel {
    /** About 120 KB per page of 50 posts: 500 pages stay under 64 MB. */
    static final int PAGES = 500;
    static final int LISTINGS = 500;

    record MemberKey(UUID community, UUID account) {
    }

    record PageKey(UUID community, UUID thread, int from) {
    }

    record ListingKey(UUID community, UUID category, boolean unanswered, boolean withHidden, int page) {
    }

    record ViewerKey(UUID member, UUID thread) {
    }

    @Inject
    CommunityRepository communities;

    @Inject
    ForumRepository repository;

    private final BoundedCache<String, Community> communityBySlug = new BoundedCache<>(1_000);
    private final BoundedCache<MemberKey, Optional<Membership>> memberships = new BoundedCache<>(50_000);
    private final BoundedCache<UUID, List<Category>> categories = new BoundedCache<>(1_000);
    private final BoundedCache<PageKey, SharedPage> pages = new BoundedCache<>(PAGES);
    private final BoundedCache<ListingKey, SharedListing> listings = new BoundedCache<>(LISTINGS);
    private final BoundedCache<ViewerKey, Integer> lastRead = new BoundedCache<>(100_000);
    private final BoundedCache<ViewerKey, Set<String>> myReactions = new BoundedCache<>(20_000);
    /** Which thread a post of a cached page belongs to: a reaction only names its post. */
    private final Map<UUID, UUID> threadOfPost = new ConcurrentHashMap<>();

    /** What every reader of one page of a thread sees alike. {@link #renderings()} is for the web layer's encoded forms. */
    public record SharedPage(ForumThread thread, List<Post> posts, Map<UUID, String> pseudonyms,
                             Map<UUID, Map<ReactionKind, Long>> reactions, List<CircleMember> circle,
                             Map<Object, Object> renderings) {
        @SuppressWarnings("unchecked")
        public <T> T rendering(Object key, Function<Object, T> render) {
            return (T) renderings.computeIfAbsent(key, render);
        }
    }

    /** One page of a thread listing as everyone with the same powers sees it. */
    public record SharedListing(List<ForumThread> threads, Map<UUID, String> pseudonyms, Map<Object, Object> renderings) {
        @SuppressWarnings("unchecked")
        public <T> T rendering(Object key, Function<Object, T> render) {
            return (T) renderings.computeIfAbsent(key, render);
        }
    }

    public Community community(String slug) {
        Community c = communityBySlug.get(slug, () -> communities.findBySlug(slug).orElse(null));
        if (c == null) {
            throw new KinshipException(ErrorCode.COMMUNITY_NOT_FOUND, "There is no community called '" + slug + "'.");
        }
        return c;
    }

    public Optional<Membership> membership(CommunityId community, AccountId account) {
        return memberships.get(new MemberKey(community.value(), account.value()),
                () -> communities.membership(community, account));
    }

    public List<Category> categories(CommunityId community) {
        return categories.get(community.value(), () -> List.copyOf(repository.categories(community)));
    }

    public Optional<SharedPage> page(CommunityId community, UUID threadId, int from) {
        return Optional.ofNullable(pages.get(new PageKey(community.value(), threadId, from), () -> loadPage(community, threadId, from)));
    }

    private SharedPage loadPage(CommunityId community, UUID threadId, int from) {
        Optional<ForumThread> found = repository.thread(community, threadId);
        if (found.isEmpty()) {
            return null;
        }
        ForumThread thread = found.get();
        List<Post> posts = List.copyOf(repository.posts(thread.id(), from, ForumService.PAGE_SIZE));
        Set<UUID> people = new HashSet<>();
        posts.forEach(p -> people.add(p.author().value()));
        people.add(thread.author().value());
        List<CircleMember> circle = thread.visibility() == Visibility.CIRCLE
                ? List.copyOf(repository.circleMembers(thread.id())) : List.of();
        circle.forEach(c -> people.add(c.member().value()));
        if (threadOfPost.size() > 200_000) {
            threadOfPost.clear();
        }
        posts.forEach(p -> threadOfPost.put(p.id(), thread.id()));
        return new SharedPage(thread, posts, Map.copyOf(repository.pseudonyms(people)),
                Map.copyOf(repository.reactionCounts(posts.stream().map(Post::id).toList())), circle,
                new ConcurrentHashMap<>());
    }

    public SharedListing listing(CommunityId community, UUID categoryId, boolean unanswered, boolean withHidden, int page) {
        return listings.get(new ListingKey(community.value(), categoryId, unanswered, withHidden, page), () -> {
            List<ForumThread> threads = List.copyOf(repository.threads(community, categoryId, unanswered, withHidden,
                    page * ForumService.LISTING_SIZE, ForumService.LISTING_SIZE));
            Set<UUID> people = new HashSet<>();
            threads.forEach(t -> people.add(t.author().value()));
            return new SharedListing(threads, Map.copyOf(repository.pseudonyms(people)), new ConcurrentHashMap<>());
        });
    }

    /** The reader's last read post in a thread, -1 for none. */
    public int lastRead(MemberId reader, UUID threadId) {
        return lastRead.get(new ViewerKey(reader.value(), threadId),
                () -> repository.readMarker(threadId, reader).map(ReadMarker::lastSeq).orElse(-1));
    }

    /** Last read posts for a listing: cached ones from memory, the rest in one query. */
    public Map<UUID, Integer> lastRead(MemberId reader, Collection<UUID> threadIds) {
        Map<UUID, Integer> marks = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (UUID t : threadIds) {
            lastRead.peek(new ViewerKey(reader.value(), t)).ifPresentOrElse(seq -> marks.put(t, seq), () -> missing.add(t));
        }
        if (!missing.isEmpty()) {
            long since = lastRead.generation();
            Map<UUID, Integer> loaded = repository.readMarkers(missing, reader);
            for (UUID t : missing) {
                int seq = loaded.getOrDefault(t, -1);
                marks.put(t, seq);
                lastRead.put(new ViewerKey(reader.value(), t), seq, since);
            }
        }
        return marks;
    }

    /** The reactions the reader gave in a thread, as "postId/KIND". */
    public Set<String> myReactions(MemberId reader, UUID threadId) {
        return myReactions.get(new ViewerKey(reader.value(), threadId),
                () -> Set.copyOf(repository.myReactionsInThread(threadId, reader)));
    }

    /** Drops everything derived from a written entity; see the class comment. */
    void changed(@Observes EntityChanged change) {
        Object e = change.entity();
        if (e instanceof Post p) {
            dropThread(p.threadId());
            dropListings(p.community().value());
        } else if (e instanceof ForumThread t) {
            dropThread(t.id());
            dropListings(t.community().value());
        } else if (e instanceof Reaction r) {
            UUID thread = threadOfPost.get(r.postId());
            if (thread != null) {
                dropThread(thread);
                myReactions.invalidate(new ViewerKey(r.memberId(), thread));
            } else {
                // No cached page holds the post, but one being loaded might: start a new generation so it is not kept.
                pages.invalidateIf(k -> false);
                myReactions.invalidateIf(k -> k.member().equals(r.memberId()));
            }
        } else if (e instanceof ReadMarker m) {
            lastRead.invalidate(new ViewerKey(m.memberId(), m.threadId()));
        } else if (e instanceof CircleMember c) {
            dropThread(c.threadId());
        } else if (e instanceof Category c) {
            categories.invalidate(c.community().value());
            dropListings(c.community().value());
        } else if (e instanceof Membership m) {
            memberships.invalidate(new MemberKey(m.community().value(), m.account().value()));
            // Pages and listings show pseudonyms: a renamed or departed member changes them.
            pages.invalidateIf(k -> k.community().equals(m.community().value()));
            dropListings(m.community().value());
        } else if (e instanceof Community) {
            communityBySlug.clear();
        }
    }

    private void dropThread(UUID thread) {
        pages.invalidateIf(k -> k.thread().equals(thread));
    }

    private void dropListings(UUID community) {
        listings.invalidateIf(k -> k.community().equals(community));
    }
}
