package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.federation.document.Addressing;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.forum.FederatedForum;
import org.kinship.platform.forum.ForumEvent;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.Visibility;

/**
 * What leaves a community when a local member hearts a post, or takes the heart back: a {@code Like} (or
 * {@code Undo} of it, see {@link Hearts}) by the member's Person, and only where the post's words already went.
 * In a thread of ours its author shared, the group announces it to its followers (FEP-1b12), as it does replies.
 * In a copy of another community's thread, it goes to that community's group, which counts it and passes it on,
 * and to the post's author when they write from another server. Nothing leaves from an unshared thread, a closed
 * circle, or a community whose federation is off; the other reactions never leave.
 *
 * <p>Synchronous, inside the heart's transaction, so the outbox row commits with the heart.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HeartPublisher {
    @Inject
    CommunityRepository communities;

    @Inject
    FederationGate gate;

    @Inject
    Publisher publisher;

    @Inject
    FederatedForum forum;

    @Inject
    RemoteMembers remoteMembers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    void hearted(@Observes ForumEvent.PostHearted hearted) {
        if (!gate.federates(hearted.community()) || remoteMembers.actorOf(hearted.member()).isPresent()) {
            return; // a remote person's heart arrived as their own Like; its origin has it already
        }
        Community community = communities.find(hearted.community()).orElseThrow();
        Optional<ForumThread> thread = forum.thread(community, hearted.threadId());
        Optional<Post> post = forum.post(community, hearted.postId());
        if (thread.isEmpty() || post.isEmpty() || thread.get().visibility() != Visibility.COMMUNITY) {
            return;
        }
        if (hearted.hearted() && (post.get().isGone() || thread.get().hidden())) {
            // Removed here (its Delete went out) or hidden by our moderators: a new heart stays here too. Taking
            // back a heart given before still goes, so the count elsewhere does not keep it.
            return;
        }
        URI object = publisher.iriOf(community.id(), post.get().seq() == 0 ? thread.get().id() : post.get().id());
        Hearts.Heart heart = new Hearts.Heart(hearted.member(), hearted.reaction(), hearted.heartedAt());
        Optional<RemoteActor> origin = publisher.originGroup(community.id(), thread.get().id());
        if (origin.isPresent()) {
            toOrigin(community, post.get(), origin.get(), heart, object, hearted.hearted());
        } else if (thread.get().isShared()) {
            announced(community, heart, object, hearted.hearted());
        }
    }

    private void announced(Community community, Hearts.Heart heart, URI object, boolean hearted) {
        URI group = iris.group(community.slug().value());
        Addressing addressing = Addressing.publicly(group);
        JsonObject activity = hearted ? Hearts.like(iris, heart, object, addressing, group)
                : Hearts.undo(iris, heart, object, addressing, group, iris.activity(UUID.randomUUID()), clock.instant());
        publisher.announce(community, activity, null);
    }

    private void toOrigin(Community community, Post post, RemoteActor group, Hearts.Heart heart, URI object, boolean hearted) {
        if (!gate.admits(community.id(), group.iri())) {
            return;
        }
        List<URI> inboxes = new ArrayList<>(List.of(group.deliveryInbox()));
        List<URI> cc = new ArrayList<>();
        Optional<RemoteActor> author = remoteMembers.actorOf(post.author())
                .filter(a -> !a.id().equals(group.id()) && gate.admits(community.id(), a.iri()));
        author.ifPresent(a -> {
            inboxes.add(a.deliveryInbox()); // the outbox makes one delivery of a shared inbox named twice
            cc.add(a.iri());
        });
        Addressing addressing = new Addressing(List.of(group.iri(), Addressing.PUBLIC), cc);
        JsonObject activity;
        URI id;
        if (hearted) {
            activity = Hearts.like(iris, heart, object, addressing, group.iri());
            id = Hearts.likeId(iris, heart);
        } else {
            id = iris.activity(UUID.randomUUID());
            activity = Hearts.undo(iris, heart, object, addressing, group.iri(), id, clock.instant());
        }
        outbox.send(community.id().value(), id, heart.member().value(), activity, inboxes);
    }
}
