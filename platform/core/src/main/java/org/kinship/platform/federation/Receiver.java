package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ObjectType;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.federation.jsonld.Ref;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.FederatedForum;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.PostBody;

/**
 * What an accepted activity does, inside the inbox's transaction. The inbox has checked the policy and the
 * signature; this class checks authority: only the author edits or deletes a post, only the origin Group's
 * Announce brings a thread or removes a reply from it, a reply to a local thread needs the thread shared.
 * Objects that claim another server's id are fetched from that server rather than believed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Receiver {
    private static final Logger LOG = Logger.getLogger(Receiver.class.getName());

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Follows follows;

    @Inject
    FederatedForum forum;

    @Inject
    RemoteMembers remoteMembers;

    @Inject
    RemoteActors remoteActors;

    @Inject
    Publisher publisher;

    @Inject
    Outbound outbound;

    @Inject
    Readers readers;

    @Inject
    org.kinship.platform.moderation.ModerationService moderation;

    @Inject
    FederatedMeetups meetups;

    @Inject
    OriginObjects origins;

    @Inject
    java.time.Clock clock;

    private final LocalIris iris = LocalIris.configured();

    void receive(Incoming activity, JsonObject raw, RemoteActor sender, List<Community> communities) {
        switch (activity.type()) {
            case FOLLOW -> follow(activity, raw, sender, communities);
            case UNDO -> undo(activity, sender, communities);
            case ACCEPT, REJECT -> answer(activity, sender, communities);
            case CREATE -> create(activity, raw, sender, communities, null);
            case UPDATE -> update(activity, sender, communities, null);
            case DELETE -> delete(activity, raw, sender, communities, null);
            case ANNOUNCE -> announce(activity, sender, communities);
            case FLAG -> flag(activity, sender, communities);
            case JOIN, LEAVE -> meetups.received(activity, sender, communities, null);
            case LIKE -> like(activity, sender, communities, true);
            case LOCK -> lock(activity, sender, communities, true);
            case BLOCK -> blocked(activity, sender, communities);
            default -> LOG.fine(() -> "Accepted and ignored: " + activity.type() + " " + activity.id().orElse(null));
        }
    }

    // --- follows ---------------------------------------------------------------------------------------------

    private void follow(Incoming activity, JsonObject raw, RemoteActor sender, List<Community> communities) {
        URI object = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Follow needs an object."));
        for (Community c : communities) {
            if (object.equals(iris.group(c.slug().value()))) {
                follows.followedBy(c, sender, activity.id().get(), withoutContext(raw));
            }
        }
    }

    private void undo(Incoming activity, RemoteActor sender, List<Community> communities) {
        Optional<Incoming> inner = activity.embeddedActivity();
        boolean undoFollow = inner.map(i -> i.type() == org.kinship.federation.jsonld.ActivityType.FOLLOW).orElse(false);
        if (inner.isPresent() && !inner.get().actor().map(sender.iri()::equals).orElse(false)) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the actor of an activity can undo it.");
        }
        org.kinship.federation.jsonld.ActivityType innerType = inner.map(Incoming::type).orElse(null);
        if (innerType == org.kinship.federation.jsonld.ActivityType.LIKE) {
            like(inner.get(), sender, communities, false);
            return;
        }
        if (innerType == org.kinship.federation.jsonld.ActivityType.LOCK) {
            lock(inner.get(), sender, communities, false);
            return;
        }
        if (undoFollow || inner.isEmpty()) {
            // A bare link names the Follow by id; either way the sender stops following the addressed community.
            for (Community c : communities) {
                follows.unfollowedBy(c, sender);
            }
        }
    }

    /**
     * An Accept or Reject of one of our communities' Follows (embedded, or named by the Follow's id). Answers to
     * anything else (a member's Join of a remote meetup) do not touch follows.
     */
    private void answer(Incoming activity, RemoteActor sender, List<Community> communities) {
        boolean accepted = activity.type() == org.kinship.federation.jsonld.ActivityType.ACCEPT;
        Optional<Incoming> inner = activity.embeddedActivity();
        boolean aboutFollow = inner.isPresent()
                ? inner.get().type() == org.kinship.federation.jsonld.ActivityType.FOLLOW
                        && inner.get().object().flatMap(Ref::id).map(sender.iri()::equals).orElse(false)
                : activity.object().flatMap(Ref::id).map(follows::isOutboundFollow).orElse(false);
        if (!aboutFollow) {
            return;
        }
        for (Community c : communities) {
            follows.answered(c, sender, accepted);
        }
    }

    /**
     * Someone elsewhere blocks one of our Groups: they want nothing from it, so the follows between them end. A
     * group's ban of one of its people comes announced (see bannedByOrigin).
     */
    private void blocked(Incoming activity, RemoteActor sender, List<Community> communities) {
        URI object = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Block needs an object."));
        for (Community c : communities) {
            if (object.equals(iris.group(c.slug().value()))) {
                follows.blockedBy(c, sender);
            }
        }
    }

    // --- threads and replies ------------------------------------------------------------------------------

    private void announce(Incoming activity, RemoteActor group, List<Community> communities) {
        Incoming inner = activity.embeddedActivity().orElse(null);
        if (inner == null) {
            LOG.fine(() -> "An Announce without an embedded activity is ignored: " + activity.id().orElse(null));
            return;
        }
        if (inner.actor().map(iris::isLocal).orElse(false)) {
            // Our own member's activity, announced back by the group it was sent to: we have it already.
            return;
        }
        List<Community> following = communities.stream()
                .filter(c -> follows.find(c.id(), group, FederationFollow.Direction.OUTBOUND).isPresent()).toList();
        if (following.isEmpty()) {
            return;
        }
        RemoteActor innerActor = inner.actor().map(remoteActors::resolve).orElseThrow(() -> refuse("The announced activity has no actor."));
        switch (inner.type()) {
            case CREATE -> create(inner, null, innerActor, following, group);
            case UPDATE -> update(inner, innerActor, following, group);
            case DELETE -> delete(inner, null, innerActor, following, group);
            case LOCK -> lockByOrigin(inner, group, following, true);
            case BLOCK -> bannedByOrigin(inner, group, following);
            // A heart given in the origin's thread (the group passes its members' Likes on, as we do): one here too.
            case LIKE -> like(inner, innerActor, following, true);
            case UNDO -> inner.embeddedActivity().ifPresent(i -> {
                if (i.type() == org.kinship.federation.jsonld.ActivityType.LOCK) {
                    lockByOrigin(i, group, following, false);
                } else if (i.type() == org.kinship.federation.jsonld.ActivityType.LIKE
                        && i.actor().map(innerActor.iri()::equals).orElse(false)) {
                    like(i, innerActor, following, false);
                }
            });
            default -> LOG.fine(() -> "Announced " + inner.type() + " ignored");
        }
    }

    /** {@code via}: the Group whose Announce carried it, or null when the author sent it to us directly. */
    private void create(Incoming activity, JsonObject raw, RemoteActor author, List<Community> communities, RemoteActor via) {
        IncomingObject object = origins.of(activity, author, via);
        if (object.type() == ObjectType.EVENT) {
            meetups.received(activity, author, communities, via);
            return;
        }
        if (object.type() != ObjectType.NOTE && object.type() != ObjectType.PAGE && object.type() != ObjectType.ARTICLE) {
            LOG.fine(() -> "Create of " + object.type() + " ignored");
            return;
        }
        if (!object.attributedTo().contains(author.iri())) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "The object's author is not the activity's actor.");
        }
        URI id = object.id().get();
        PostBody body = forum.foreignBody(object.source().map(IncomingObject.Source::content).orElse(null),
                object.content().orElse(null), object.sensitive() ? object.summary().orElse("Sensitive") : null);
        if (object.inReplyTo().isPresent()) {
            for (Community c : communities) {
                if (mapped(c.id(), id).isPresent()) {
                    continue;
                }
                Optional<ReplyTarget> target = replyTarget(c, object.inReplyTo().get());
                if (target.isEmpty()) {
                    continue;
                }
                ForumThread thread = target.get().thread();
                boolean ours = target.get().local();
                if (ours && !thread.isShared()) {
                    throw new KinshipException(ErrorCode.FORBIDDEN, "That thread is not shared beyond its community.");
                }
                if (ours == (via != null)) {
                    // Replies to our own threads come from their authors; replies to a copied thread come only
                    // through the origin group's Announce (it decides what belongs to its thread).
                    continue;
                }
                MemberId member = remoteMembers.in(c.id(), author);
                Post post = forum.reply(c, thread, member, target.get().post(), body);
                em.persist(new FederatedObject(c.id(), id, FederatedObject.Kind.POST, post.id(), via != null ? via : author, now()));
                if (ours && via == null && raw != null) {
                    // FEP-1b12: we are the origin group, so we pass the reply on to everyone who follows us.
                    publisher.announce(c, withoutContext(raw), author.host());
                }
            }
            return;
        }
        if (via == null) {
            LOG.fine(() -> "A remote thread sent without its group's Announce is ignored: " + id);
            return;
        }
        String title = object.name().filter(n -> !n.isBlank()).orElseGet(() -> firstWords(body.text()));
        for (Community c : communities) {
            if (mapped(c.id(), id).isPresent()) {
                continue;
            }
            MemberId member = remoteMembers.in(c.id(), author);
            ForumThread thread = forum.thread(c, title, member, body);
            em.persist(new FederatedObject(c.id(), id, FederatedObject.Kind.THREAD, thread.id(), via, now()));
        }
    }

    private void update(Incoming activity, RemoteActor author, List<Community> communities, RemoteActor via) {
        IncomingObject object = origins.of(activity, author, via);
        if (object.type() == ObjectType.EVENT) {
            meetups.received(activity, author, communities, via);
            return;
        }
        if (!object.attributedTo().contains(author.iri())) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the author can edit.");
        }
        PostBody body = forum.foreignBody(object.source().map(IncomingObject.Source::content).orElse(null),
                object.content().orElse(null), object.sensitive() ? object.summary().orElse("Sensitive") : null);
        for (Community c : communities) {
            mappedPost(c, object.id().get()).ifPresent(post -> {
                if (remoteMembers.actorOf(post.author()).map(a -> a.id().equals(author.id())).orElse(false)) {
                    forum.rewrite(c, post, object.name().orElse(null), body);
                }
            });
        }
    }

    private void delete(Incoming activity, JsonObject raw, RemoteActor actor, List<Community> communities, RemoteActor via) {
        URI id = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Delete needs an object."));
        meetups.received(activity, actor, communities, via);
        for (Community c : communities) {
            Optional<Post> post = iris.isLocal(id) ? localPostIn(c, id) : mappedPost(c, id);
            if (post.isEmpty()) {
                continue;
            }
            boolean byAuthor = remoteMembers.actorOf(post.get().author()).map(a -> a.id().equals(actor.id())).orElse(false);
            boolean byOriginGroup = via != null && threadOriginGroup(c.id(), post.get().threadId()).map(via.id()::equals).orElse(false);
            if (byAuthor) {
                forum.erase(post.get());
                if (via == null && raw != null && localThread(c, post.get().threadId())) {
                    publisher.announce(c, withoutContext(raw), actor.host());
                }
            } else if (byOriginGroup) {
                // The origin community's moderators removed it (or its author stopped sharing the thread): it goes
                // here too, whoever wrote it.
                post.get().hide();
            }
            if ((byAuthor || byOriginGroup) && post.get().seq() == 0) {
                forum.thread(c, post.get().threadId()).ifPresent(ForumThread::hide);
            }
        }
    }

    /** A Like of one of our shared posts (or of a copy's post) is a heart from that person. */
    private void like(Incoming activity, RemoteActor by, List<Community> communities, boolean on) {
        URI id = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Like needs an object."));
        for (Community c : communities) {
            Optional<Post> post = iris.isLocal(id) ? localPostIn(c, id).or(() -> localThreadOpening(c, id)) : mappedPost(c, id);
            post.filter(p -> forum.thread(c, p.threadId()).map(t -> t.isShared() || isCopy(c.id(), t.id())).orElse(false))
                    .ifPresent(p -> forum.heart(p, remoteMembers.in(c.id(), by), on));
        }
    }

    /** A Lock sent directly counts only from the group that owns the copied thread (FEP-1b12). */
    private void lock(Incoming activity, RemoteActor sender, List<Community> communities, boolean locked) {
        lockByOrigin(activity, sender, communities, locked);
    }

    private void lockByOrigin(Incoming activity, RemoteActor group, List<Community> communities, boolean locked) {
        URI id = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Lock needs an object."));
        for (Community c : communities) {
            mappedPost(c, id).flatMap(p -> forum.thread(c, p.threadId()))
                    .filter(t -> threadOriginGroup(c.id(), t.id()).map(group.id()::equals).orElse(false))
                    .ifPresent(t -> forum.lock(t, locked));
        }
    }

    /**
     * A followed group banned someone (FEP-1b12: its moderator's Block of the person, the group as target, announced
     * by the group). The group will not pass on anything of theirs again, so nothing needs stopping here. When the
     * ban also removes what they wrote (Lemmy's {@code removeData}; Lemmy sends no Deletes for it), their posts in
     * the threads copied from that group are hidden here as the group's moderators hid them there; threads they
     * opened go with their opening post. A Block naming another community as its target is not this group's to give.
     */
    private void bannedByOrigin(Incoming block, RemoteActor group, List<Community> communities) {
        boolean forThisGroup = block.target().flatMap(Ref::id).or(() -> block.audience().stream().findFirst())
                .map(group.iri()::equals).orElse(true);
        URI banned = block.object().flatMap(Ref::id).orElse(null);
        if (!forThisGroup || banned == null || !block.removeData()) {
            return;
        }
        Optional<RemoteActor> person = remoteActors.known(banned);
        if (person.isEmpty()) {
            return; // never wrote anything here
        }
        for (Community c : communities) {
            List<Post> theirs = em.createQuery("select p from Post p, Membership m, FederatedObject o "
                            + "where p.communityId = :c and m.id = p.authorId and m.communityId = :c and m.remoteActorId = :a "
                            + "and o.key.communityId = :c and o.kind = :thread and o.localId = p.threadId and o.originActor = :g "
                            + "and p.hidden = false and p.deletedAt is null", Post.class)
                    .setParameter("c", c.id().value()).setParameter("a", person.get().id())
                    .setParameter("thread", FederatedObject.Kind.THREAD).setParameter("g", group.id())
                    .getResultList();
            for (Post post : theirs) {
                post.hide();
                if (post.seq() == 0) {
                    forum.thread(c, post.threadId()).ifPresent(ForumThread::hide);
                }
            }
        }
    }

    private Optional<Post> localThreadOpening(Community c, URI iri) {
        return iris.parse(iri).filter(n -> "threads".equals(n.kind())).flatMap(LocalIris.Named::uuid)
                .flatMap(forum::openingPost).filter(p -> p.community().equals(c.id()));
    }

    /** A report from another server about one of our shared posts: into our moderators' queue. */
    private void flag(Incoming activity, RemoteActor reporter, List<Community> communities) {
        URI id = activity.object().flatMap(Ref::id).orElseThrow(() -> refuse("A Flag needs an object."));
        for (Community c : communities) {
            Optional<Post> post = iris.parse(id).flatMap(n -> n.uuid().flatMap(u -> switch (n.kind()) {
                case "posts" -> forum.post(c, u);
                case "threads" -> forum.openingPost(u).filter(p -> p.community().equals(c.id()));
                default -> Optional.<Post>empty();
            })).or(() -> mappedPost(c, id));
            if (post.isPresent() && forum.thread(c, post.get().threadId()).map(ForumThread::isShared).orElse(false)) {
                moderation.reportFromElsewhere(c.id(), post.get(), remoteMembers.in(c.id(), reporter),
                        activity.summary().orElse(null));
            }
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private record ReplyTarget(ForumThread thread, UUID post, boolean local) {
    }

    private Optional<ReplyTarget> replyTarget(Community c, URI inReplyTo) {
        Optional<LocalIris.Named> named = iris.parse(inReplyTo);
        if (named.isPresent()) {
            Optional<UUID> uuid = named.get().uuid();
            if (uuid.isEmpty()) {
                return Optional.empty();
            }
            if ("threads".equals(named.get().kind())) {
                return forum.thread(c, uuid.get()).map(t -> new ReplyTarget(t, null, !isCopy(c.id(), t.id())));
            }
            if ("posts".equals(named.get().kind())) {
                return forum.post(c, uuid.get()).flatMap(p -> forum.thread(c, p.threadId())
                        .map(t -> new ReplyTarget(t, p.id(), !isCopy(c.id(), t.id()))));
            }
            return Optional.empty();
        }
        Optional<FederatedObject> mapped = mapped(c.id(), inReplyTo);
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        if (mapped.get().kind() == FederatedObject.Kind.THREAD) {
            return forum.thread(c, mapped.get().localId()).map(t -> new ReplyTarget(t, forum.openingPost(t.id()).map(Post::id).orElse(null), false));
        }
        if (mapped.get().kind() == FederatedObject.Kind.POST) {
            return forum.post(c, mapped.get().localId()).flatMap(p -> forum.thread(c, p.threadId()).map(t -> new ReplyTarget(t, p.id(), false)));
        }
        return Optional.empty();
    }

    private Optional<FederatedObject> mapped(CommunityId community, URI iri) {
        return Optional.ofNullable(em.find(FederatedObject.class, new FederatedObject.Key(community, iri)));
    }

    private Optional<Post> mappedPost(Community c, URI iri) {
        return mapped(c.id(), iri).flatMap(m -> switch (m.kind()) {
            case POST -> forum.post(c, m.localId());
            case THREAD -> forum.openingPost(m.localId());
            default -> Optional.<Post>empty();
        });
    }

    private Optional<Post> localPostIn(Community c, URI iri) {
        return iris.parse(iri).filter(n -> "posts".equals(n.kind())).flatMap(LocalIris.Named::uuid).flatMap(id -> forum.post(c, id));
    }

    private boolean isCopy(CommunityId community, UUID thread) {
        return threadOriginGroup(community, thread).isPresent();
    }

    private boolean localThread(Community c, UUID thread) {
        return !isCopy(c.id(), thread);
    }

    /** For a thread copied from elsewhere: the Group that announced it. */
    private Optional<UUID> threadOriginGroup(CommunityId community, UUID thread) {
        return em.createQuery("select o.originActor from FederatedObject o where o.key.communityId = :c and o.localId = :t "
                        + "and o.kind = :k", UUID.class)
                .setParameter("c", community.value()).setParameter("t", thread).setParameter("k", FederatedObject.Kind.THREAD)
                .getResultStream().findFirst();
    }

    private static String firstWords(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? "Untitled" : t.length() <= 80 ? t : t.substring(0, 79) + "…";
    }

    /**
     * The activity as it is embedded in our Announce (our own {@code @context} applies). One builder factory:
     * {@code Json.createObjectBuilder} looks the JSON-P provider up on every call, 6 % of the inbox's CPU in
     * the federation benchmark.
     */
    static JsonObject withoutContext(JsonObject raw) {
        if (raw == null || !raw.containsKey("@context")) {
            return raw;
        }
        return BUILDERS.createObjectBuilder(raw).remove("@context").build();
    }

    private static final jakarta.json.JsonBuilderFactory BUILDERS =
            jakarta.json.spi.JsonProvider.provider().createBuilderFactory(java.util.Map.of());

    private static KinshipException refuse(String message) {
        return new KinshipException(ErrorCode.VALIDATION_FAILED, message);
    }

    private java.time.Instant now() {
        return clock.instant();
    }
}
