package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.federation.document.ActivityDocuments;
import org.kinship.federation.document.Addressing;
import org.kinship.federation.document.ObjectDocuments;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.forum.FederatedForum;
import org.kinship.platform.forum.ForumEvent;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.Visibility;

/**
 * What leaves a community, decided here and nowhere else: only posts in threads their author shared, in a
 * community whose federation is on, and only to remote actors the policy admits. Runs inside the transaction
 * that wrote the post, so the outbox row exists exactly when the post does. Closed circles never federate
 * (they cannot be shared), and nothing from chat, plugins or meetup attendance passes through here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Publisher {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    FederationGate gate;

    @Inject
    Follows follows;

    @Inject
    Outbox outbox;

    @Inject
    FederatedForum forum;

    @Inject
    RemoteMembers remoteMembers;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    void postWritten(@Observes ForumEvent.PostWritten written) {
        if (written.visibility() != Visibility.COMMUNITY || !gate.federates(written.community())) {
            return;
        }
        if (remoteMembers.actorOf(written.author()).isPresent()) {
            return; // a remote author's post: its origin publishes it (and we announce it from the Receiver)
        }
        Community community = communities.find(written.community()).orElseThrow();
        ForumThread thread = forum.thread(community, written.threadId()).orElseThrow();
        Post post = forum.post(community, written.postId()).orElseThrow();
        Optional<RemoteActor> origin = originGroup(community.id(), thread.id());
        if (origin.isPresent()) {
            replyToRemoteThread(community, thread, post, origin.get(), written.edit());
        } else if (thread.isShared()) {
            publishInSharedThread(community, thread, post, written.edit());
        }
    }

    /**
     * A thread's author shared it: the thread (its opening post) goes out as a Page. Un-shared: the group asks
     * everyone who received it to delete it (what they do with that is theirs; Kinship servers delete).
     */
    void sharingChanged(@Observes ForumEvent.ThreadSharing sharing) {
        if (!gate.federates(sharing.community())) {
            return;
        }
        Community community = communities.find(sharing.community()).orElseThrow();
        ForumThread thread = forum.thread(community, sharing.threadId()).orElseThrow();
        if (originGroup(community.id(), thread.id()).isPresent()) {
            return; // a copy of another community's thread is not ours to share
        }
        if (sharing.shared()) {
            forum.openingPost(thread.id()).ifPresent(opening -> publishSharing(community, thread, opening));
        } else {
            announceDelete(community, iris.thread(thread.id()), iris.group(community.slug().value()));
        }
    }

    /**
     * A post's words are gone. In a shared thread of ours the group announces a Delete (of the reply's own id,
     * whichever server it came from): the author deleted it, or our moderators removed it from our thread. In a
     * copy of another community's thread, our member's own deletion goes to that community's group.
     */
    void postDeleted(@Observes ForumEvent.PostDeleted deleted) {
        if (!gate.federates(deleted.community())) {
            return;
        }
        Community community = communities.find(deleted.community()).orElseThrow();
        ForumThread thread = forum.thread(community, deleted.threadId()).orElseThrow();
        Post post = forum.post(community, deleted.postId()).orElseThrow();
        URI object = post.seq() == 0 ? iriOf(community.id(), thread.id()) : iriOf(community.id(), post.id());
        Optional<RemoteActor> origin = originGroup(community.id(), thread.id());
        if (origin.isEmpty()) {
            if (thread.isShared()) {
                URI by = deleted.byModerator() ? iris.group(community.slug().value()) : iris.member(post.author());
                announceDelete(community, object, by);
            }
            return;
        }
        if (!deleted.byModerator() && remoteMembers.actorOf(post.author()).isEmpty() && gate.admits(community.id(), origin.get().iri())) {
            URI author = iris.member(post.author());
            URI id = iris.activity(UUID.randomUUID());
            JsonObject delete = ActivityDocuments.delete(new ActivityDocuments.Act(id, author,
                    new Addressing(List.of(origin.get().iri(), Addressing.PUBLIC), List.of()), origin.get().iri(), clock.instant()), object);
            outbox.send(community.id().value(), id, post.author().value(), delete, List.of(origin.get().deliveryInbox()));
        }
    }

    /**
     * A member reported a post that came from another community: its moderators hear of it too, as a Flag
     * from this community's group (the reporter's name stays here).
     */
    void reported(@Observes org.kinship.platform.moderation.Reported report) {
        if (!gate.federates(report.community())) {
            return;
        }
        Community community = communities.find(report.community()).orElseThrow();
        Optional<RemoteActor> origin = originGroup(community.id(), report.threadId());
        if (origin.isEmpty() || !gate.admits(community.id(), origin.get().iri())) {
            return;
        }
        Post post = forum.post(community, report.postId()).orElseThrow();
        URI object = post.seq() == 0 ? iriOf(community.id(), report.threadId()) : iriOf(community.id(), post.id());
        URI group = iris.group(community.slug().value());
        URI id = iris.activity(UUID.randomUUID());
        JsonObject flag = ActivityDocuments.flag(new ActivityDocuments.Act(id, group, Addressing.only(origin.get().iri()),
                origin.get().iri(), clock.instant()), object, report.reason());
        outbox.send(community.id().value(), id, community.id().value(), flag, List.of(origin.get().deliveryInbox()));
    }

    /** A moderator locked or unlocked one of our shared threads: the group tells its followers (Lock / Undo Lock). */
    void threadLocked(@Observes ForumEvent.ThreadLocked locked) {
        if (!gate.federates(locked.community())) {
            return;
        }
        Community community = communities.find(locked.community()).orElseThrow();
        ForumThread thread = forum.thread(community, locked.threadId()).orElseThrow();
        if (!thread.isShared() || originGroup(community.id(), thread.id()).isPresent()) {
            return;
        }
        String slug = community.slug().value();
        URI group = iris.group(slug);
        ActivityDocuments.Act lockAct = new ActivityDocuments.Act(iris.activity(UUID.randomUUID()), group,
                Addressing.publicly(group), group, clock.instant());
        JsonObject lock = ActivityDocuments.lock(lockAct, iris.thread(thread.id()), null);
        JsonObject activity = locked.locked() ? lock : ActivityDocuments.undo(new ActivityDocuments.Act(
                iris.activity(UUID.randomUUID()), group, Addressing.publicly(group), group, clock.instant()), lock);
        announce(community, activity, null);
    }

    /**
     * A moderator banned an author who writes from another server: the group sends a {@code Block} (target: the
     * group, as Lemmy and Mbin send a community ban) to that actor, so their server knows, and announces it to its
     * followers, so every copy of the community's threads stops taking their words. The moderator's reason stays
     * here. The caller has checked that the community federates.
     */
    void blocked(Community community, RemoteActor actor) {
        URI group = iris.group(community.slug().value());
        URI id = iris.activity(UUID.randomUUID());
        JsonObject block = ActivityDocuments.block(new ActivityDocuments.Act(id, group, Addressing.publicly(group), group,
                clock.instant()), actor.iri(), group, null, null);
        outbox.send(community.id().value(), id, community.id().value(), block, List.of(actor.deliveryInbox()));
        announce(community, block, null);
    }

    private void announceDelete(Community community, URI object, URI actor) {
        String slug = community.slug().value();
        URI id = iris.activity(UUID.randomUUID());
        JsonObject delete = ActivityDocuments.delete(new ActivityDocuments.Act(id, actor, Addressing.publicly(iris.group(slug)),
                iris.group(slug), clock.instant()), object);
        announce(community, delete, null);
    }

    /** The group passes an activity on to its followers (FEP-1b12), except to the server it came from. */
    void announce(Community community, JsonObject activity, String exceptHost) {
        announce(community, activity, exceptHost, iris.activity(UUID.randomUUID()), clock.instant());
    }

    private void announce(Community community, JsonObject activity, String exceptHost, URI id, java.time.Instant published) {
        List<URI> inboxes = follows.followers(community.id()).stream()
                .filter(a -> gate.admits(community.id(), a.iri()))
                .filter(a -> exceptHost == null || !exceptHost.equalsIgnoreCase(a.host()))
                .map(RemoteActor::deliveryInbox).toList();
        if (inboxes.isEmpty()) {
            return;
        }
        String slug = community.slug().value();
        JsonObject announce = ActivityDocuments.announce(id, iris.group(slug), iris.groupPart(slug, "followers"),
                activity, published);
        outbox.send(community.id().value(), id, community.id().value(), announce, inboxes);
    }

    /** The thread goes out as a Page, with the ids its group's outbox lists it by (see GroupOutboxes#sharingIds). */
    private void publishSharing(Community community, ForumThread thread, Post opening) {
        if (opening.isGone() || thread.sharedAt() == null) {
            return;
        }
        GroupOutboxes.Sent ids = GroupOutboxes.sharingIds(iris, thread);
        announce(community, sharingCreate(community, thread, opening, ids), null, ids.announceId(), ids.announced());
    }

    /**
     * The Create(Page) that shares a thread, by its author, with the ids derived from when it was shared: sent live
     * by {@link #publishSharing}, listed again by the group's outbox ({@link GroupOutboxes}), so a peer that has it
     * recognises it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    JsonObject sharingCreate(Community community, ForumThread thread, Post opening, GroupOutboxes.Sent ids) {
        String slug = community.slug().value();
        ActivityDocuments.Act act = new ActivityDocuments.Act(ids.createId(), iris.member(opening.author()),
                Addressing.publicly(iris.group(slug)), iris.group(slug), ids.created());
        return ActivityDocuments.create(act, postDocument(community, thread, opening));
    }

    private void publishInSharedThread(Community community, ForumThread thread, Post post, boolean edit) {
        if (post.isGone()) {
            return;
        }
        JsonObject object = postDocument(community, thread, post);
        URI author = iris.member(post.author());
        URI id = iris.activity(UUID.randomUUID());
        String slug = community.slug().value();
        ActivityDocuments.Act act = new ActivityDocuments.Act(id, author,
                Addressing.publicly(iris.group(slug)), iris.group(slug), clock.instant());
        JsonObject create = edit ? ActivityDocuments.update(act, object) : ActivityDocuments.create(act, object);
        announce(community, create, null);
    }

    private void replyToRemoteThread(Community community, ForumThread thread, Post post, RemoteActor group, boolean edit) {
        if (!gate.admits(community.id(), group.iri())) {
            return;
        }
        URI inReplyTo = post.inReplyTo() != null ? iriOf(community.id(), post.inReplyTo()) : iriOf(community.id(), thread.id());
        if (inReplyTo == null) {
            return;
        }
        URI author = iris.member(post.author());
        URI noteId = iris.post(post.id());
        ObjectDocuments.Posting posting = new ObjectDocuments.Posting(noteId, author, group.iri(), null,
                new Addressing(List.of(group.iri(), Addressing.PUBLIC), List.of()), post.createdAt(), post.editedAt(),
                iris.threadPage(community.slug().value(), thread.id()));
        JsonObject note = ObjectDocuments.note(posting, inReplyTo, body(post));
        URI id = iris.activity(UUID.randomUUID());
        ActivityDocuments.Act act = new ActivityDocuments.Act(id, author, new Addressing(List.of(group.iri(), Addressing.PUBLIC), List.of()),
                group.iri(), clock.instant());
        JsonObject activity = edit ? ActivityDocuments.update(act, note) : ActivityDocuments.create(act, note);
        outbox.send(community.id().value(), id, post.author().value(), activity, List.of(group.deliveryInbox()));
    }

    /** The ActivityStreams form of a post in a local shared thread: the opening post is the thread's Page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    JsonObject postDocument(Community community, ForumThread thread, Post post) {
        String slug = community.slug().value();
        URI group = iris.group(slug);
        ObjectDocuments.Posting posting = new ObjectDocuments.Posting(
                post.seq() == 0 ? iris.thread(thread.id()) : iris.post(post.id()),
                iris.member(post.author()), group, iris.threadContext(thread.id()),
                Addressing.publicly(group), post.createdAt(), post.editedAt(), iris.threadPage(slug, thread.id()));
        if (post.seq() == 0) {
            return ObjectDocuments.page(posting, thread.title(), body(post));
        }
        URI inReplyTo = post.inReplyTo() == null ? iris.thread(thread.id()) : iriOf(community.id(), post.inReplyTo());
        return ObjectDocuments.note(posting, inReplyTo == null ? iris.thread(thread.id()) : inReplyTo, body(post));
    }

    private static ObjectDocuments.Body body(Post post) {
        return new ObjectDocuments.Body(post.bodyHtml(), post.bodySource(), post.contentWarning());
    }

    /** The ActivityPub id of a post or thread shown here: its origin's id when it came from elsewhere, else ours. */
    URI iriOf(CommunityId community, UUID local) {
        Optional<String> origin = em.createQuery("select o.iri from FederatedObject o where o.key.communityId = :c and o.localId = :l",
                        String.class)
                .setParameter("c", community.value()).setParameter("l", local).getResultStream().findFirst();
        if (origin.isPresent()) {
            return URI.create(origin.get());
        }
        boolean isThread = em.createQuery("select count(t) from ForumThread t where t.id = :id", Long.class)
                .setParameter("id", local).getSingleResult() > 0;
        return isThread ? iris.thread(local) : iris.post(local);
    }

    /** For a thread copied from a community we follow: that community's Group. */
    Optional<RemoteActor> originGroup(CommunityId community, UUID thread) {
        return em.createQuery("select a from RemoteActor a, FederatedObject o where o.originActor = a.id "
                        + "and o.key.communityId = :c and o.localId = :t and o.kind = :k", RemoteActor.class)
                .setParameter("c", community.value()).setParameter("t", thread).setParameter("k", FederatedObject.Kind.THREAD)
                .getResultStream().findFirst();
    }

}
