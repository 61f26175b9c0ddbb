package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.CollectionDocuments;
import org.kinship.platform.community.Community;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.Visibility;

/**
 * A community group's outbox as a peer reads it when it starts following: the group's Announce of the
 * Create(Page) of each of the most recent threads shared from this community, newest first. Lemmy reads the
 * last {@value #RECENT} this way to fill a newly followed community, and other peers show them as the group's
 * history.
 *
 * <p>What is listed comes from the threads themselves (shared, not hidden, not a closed circle, opening post
 * still there, and started here rather than copied from a community we follow), so nothing un-shared, hidden
 * or private can appear, whatever was once sent.
 *
 * <p>The ids are the ones followers already have, so that a peer that got the thread live recognises the
 * activity and does not take it twice: both {@link Publisher} and this listing derive them from the thread and the
 * moment it was shared ({@link #sharingIds}), the same on every fetch, and new if the thread is un-shared and
 * shared again (when peers have been told to delete the earlier copy).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class GroupOutboxes {
    /** As many as Lemmy reads when it backfills a community. */
    static final int RECENT = 20;

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Publisher publisher;

    private final LocalIris iris = LocalIris.configured();

    /** The ids and times an Announce(Create(Page)) was (or is now said to have been) sent with. */
    record Sent(URI announceId, Instant announced, URI createId, Instant created) {
    }

    JsonObject recent(Community community) {
        List<ForumThread> threads = em.createQuery("select t from ForumThread t where t.communityId = :c "
                        + "and t.sharedAt is not null and t.hidden = false and t.visibility = :v "
                        + "and not exists (select o from FederatedObject o where o.key.communityId = :c and o.localId = t.id "
                        + "and o.kind = :copy) "
                        + "and exists (select p from Post p where p.threadId = t.id and p.seq = 0 and p.deletedAt is null "
                        + "and p.hidden = false) "
                        + "order by t.sharedAt desc, t.id", ForumThread.class)
                .setParameter("c", community.id().value()).setParameter("v", Visibility.COMMUNITY)
                .setParameter("copy", FederatedObject.Kind.THREAD)
                .setMaxResults(RECENT)
                .getResultList();
        URI outbox = iris.groupPart(community.slug().value(), "outbox");
        if (threads.isEmpty()) {
            return CollectionDocuments.orderedOfDocuments(outbox, List.of());
        }
        Map<UUID, Post> openings = em.createQuery("select p from Post p where p.threadId in :t and p.seq = 0", Post.class)
                .setParameter("t", threads.stream().map(ForumThread::id).toList()).getResultStream()
                .collect(Collectors.toMap(Post::threadId, Function.identity()));
        String slug = community.slug().value();
        URI group = iris.group(slug);
        List<JsonObject> items = threads.stream().map(t -> {
            Sent sent = sharingIds(iris, t);
            JsonObject create = publisher.sharingCreate(community, t, openings.get(t.id()), sent);
            return ActivityDocuments.announce(sent.announceId(), group, iris.groupPart(slug, "followers"), create,
                    sent.announced());
        }).toList();
        return CollectionDocuments.orderedOfDocuments(outbox, items);
    }

    /**
     * The ids (and time) of the Announce(Create(Page)) that shares a thread, from the thread and the moment it was
     * shared: {@link Publisher} sends it with these when the author shares the thread, and the outbox lists it with
     * them, so a peer that got it live recognises it when it backfills, stored outbox rows or not.
     */
    static Sent sharingIds(LocalIris iris, ForumThread thread) {
        Instant shared = thread.sharedAt().truncatedTo(ChronoUnit.MILLIS);
        String key = thread.id() + "@" + shared.toEpochMilli();
        return new Sent(iris.activity(nameUuid("announce " + key)), shared, iris.activity(nameUuid("create " + key)), shared);
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
