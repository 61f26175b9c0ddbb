package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kinship.federation.document.ActorDocuments;
import org.kinship.federation.document.CollectionDocuments;
import org.kinship.federation.document.Discovery;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipStatus;
import org.kinship.platform.forum.FederatedForum;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.meetup.FederatedMeetupDoor;
import org.kinship.platform.meetup.Meetup;
import org.kinship.platform.meetup.OccurrenceId;

/**
 * What this server shows the Fediverse: WebFinger and NodeInfo answers, the instance actor, a Group for each
 * community whose federation is on, a Person for each of its active members (named by their pseudonym there,
 * nothing else), and the threads and replies their authors shared. Everything else answers "not found", the
 * same as something that does not exist: a peer cannot tell a private thread from a missing one. The dates of
 * meetups whose thread is shared are Events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LocalActors {
    /** NodeInfo's usage figures below this are left out: small counts can point at people. */
    static final long SMALLEST_REPORTED = 10;

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    FederationGate gate;

    @Inject
    ActorKeys keys;

    @Inject
    Follows follows;

    @Inject
    FederatedForum forum;

    @Inject
    Publisher publisher;

    @Inject
    MeetupPublisher meetupPublisher;

    @Inject
    FederatedMeetupDoor meetups;

    @Inject
    ThreadContexts contexts;

    @Inject
    GroupOutboxes outboxes;

    private final LocalIris iris = LocalIris.configured();

    public LocalIris iris() {
        return iris;
    }

    // --- discovery -----------------------------------------------------------------------------------------

    /** WebFinger: {@code acct:slug@domain} (a community), {@code acct:m_…@domain} (a member), or an actor id. */
    public Optional<JsonObject> webFinger(String resource) {
        if (resource == null || resource.length() > 2048) {
            return Optional.empty();
        }
        String user;
        if (resource.startsWith("acct:")) {
            String acct = resource.substring(5);
            int at = acct.lastIndexOf('@');
            if (at <= 0 || !acct.substring(at + 1).equalsIgnoreCase(iris.handleDomain())) {
                return Optional.empty();
            }
            user = acct.substring(0, at);
        } else {
            Optional<LocalIris.Named> named;
            try {
                named = iris.parse(URI.create(resource));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (named.isEmpty() || named.get().part().isPresent()) {
                return resource.equals(iris.instance().toString()) ? Optional.of(instanceFinger()) : Optional.empty();
            }
            user = switch (named.get().kind()) {
                case "communities" -> named.get().key();
                case "members" -> named.get().uuid().map(u -> LocalIris.memberUsername(new MemberId(u))).orElse("");
                default -> "";
            };
        }
        if (user.equalsIgnoreCase(iris.host())) {
            return Optional.of(instanceFinger());
        }
        Optional<MemberId> member = LocalIris.memberFromUsername(user);
        if (member.isPresent()) {
            return federatingMember(member.get()).map(m -> Discovery.webFinger(user, iris.handleDomain(), iris.member(m.id()), null));
        }
        return federatingCommunity(user).map(c -> Discovery.webFinger(c.slug().value(), iris.handleDomain(),
                iris.group(c.slug().value()), iris.communityPage(c.slug().value())));
    }

    private JsonObject instanceFinger() {
        return Discovery.webFinger(iris.host(), iris.handleDomain(), iris.instance(), null);
    }

    public JsonObject nodeInfoLinks() {
        return Discovery.nodeInfoLinks(URI.create(iris.base() + "/nodeinfo/2.1"), URI.create(iris.base() + "/nodeinfo/2.0"),
                iris.instance());
    }

    public JsonObject nodeInfo(Discovery.NodeInfoVersion version) {
        long members = em.createQuery("select count(distinct m.accountId) from Membership m where m.status = :s", Long.class)
                .setParameter("s", MembershipStatus.ACTIVE).getSingleResult();
        long posts = em.createQuery("select count(p) from Post p, Membership m where p.authorId = m.id and m.status <> :r", Long.class)
                .setParameter("r", MembershipStatus.REMOTE).getSingleResult();
        Discovery.Usage usage = new Discovery.Usage(members >= SMALLEST_REPORTED ? members : null, null, null,
                posts >= SMALLEST_REPORTED ? posts : null);
        return Discovery.nodeInfo(version, "0.1.0", usage, false);
    }

    // --- actors ----------------------------------------------------------------------------------------------

    public JsonObject instance() {
        URI id = iris.instance();
        return ActorDocuments.application(new ActorDocuments.Application(id, iris.host(), "Kinship at " + iris.host(),
                "<p>The server of Kinship peer-support communities at " + iris.host() + ".</p>", URI.create(iris.base() + "/"),
                null, new ActorDocuments.Mailboxes(URI.create(id + "/inbox"), URI.create(id + "/outbox"), null, iris.sharedInbox()),
                new ActorDocuments.Key(iris.keyId(id), keys.of(ActorKey.INSTANCE).publicPem())));
    }

    public Optional<JsonObject> group(String slug) {
        return federatingCommunity(slug).map(c -> {
            URI id = iris.group(slug);
            return ActorDocuments.group(new ActorDocuments.Group(id, slug, c.name(), summary(c.description()),
                    iris.communityPage(slug), c.createdAt(),
                    new ActorDocuments.Mailboxes(iris.groupPart(slug, "inbox"), iris.groupPart(slug, "outbox"),
                            iris.groupPart(slug, "followers"), iris.sharedInbox()),
                    new ActorDocuments.Key(iris.keyId(id), keys.of(c.id().value()).publicPem()),
                    iris.groupPart(slug, "moderators"), true, false));
        });
    }

    public Optional<JsonObject> member(UUID memberId) {
        return federatingMember(new MemberId(memberId)).map(m -> {
            URI id = iris.member(m.id());
            return ActorDocuments.person(new ActorDocuments.Person(id, LocalIris.memberUsername(m.id()), m.pseudonym().value(),
                    null, null,
                    new ActorDocuments.Mailboxes(iris.memberPart(m.id(), "inbox"), iris.memberPart(m.id(), "outbox"),
                            iris.memberPart(m.id(), "followers"), iris.sharedInbox()),
                    iris.memberPart(m.id(), "following"),
                    new ActorDocuments.Key(iris.keyId(id), keys.of(m.id().value()).publicPem())));
        });
    }

    /**
     * A community's collections: followers as a count only, moderators as a list of their actors, the outbox as
     * the group's announces of its most recently shared threads.
     */
    public Optional<JsonObject> groupCollection(String slug, String part) {
        return federatingCommunity(slug).flatMap(c -> switch (part) {
            case "followers" -> Optional.of(CollectionDocuments.ordered(iris.groupPart(slug, part), follows.followerCount(c.id()), null));
            case "outbox" -> Optional.of(outboxes.recent(c));
            case "moderators" -> Optional.of(CollectionDocuments.orderedOf(iris.groupPart(slug, part),
                    communities.members(c.id(), MembershipStatus.ACTIVE).stream()
                            .filter(m -> m.role().canModerate()).map(m -> iris.member(m.id())).toList()));
            default -> Optional.empty();
        });
    }

    /** A member's collections: all empty; a member's activity is only ever seen through shared threads. */
    public Optional<JsonObject> memberCollection(UUID memberId, String part) {
        if (!List.of("outbox", "followers", "following").contains(part)) {
            return Optional.empty();
        }
        return federatingMember(new MemberId(memberId)).map(m -> CollectionDocuments.ordered(iris.memberPart(m.id(), part), 0, null));
    }

    // --- shared threads and their posts -------------------------------------------------------------------------

    /** A thread as a Page, when its author shared it in a federating community and it is visible. */
    public Optional<JsonObject> thread(UUID threadId) {
        return sharedThread(threadId).flatMap(t -> forum.openingPost(t.thread().id())
                .filter(p -> !p.isGone())
                .map(p -> publisher.postDocument(t.community(), t.thread(), p)));
    }

    /**
     * A shared thread's FEP-7888 context collection ({@code page} 0) or one of its pages (from 1). Only a
     * thread this community started can be listed: a copy of another community's thread has its context there.
     */
    public Optional<JsonObject> threadContext(UUID threadId, int page) {
        if (page < 0) {
            throw new IllegalArgumentException("pages are counted from 1");
        }
        return sharedThread(threadId)
                .filter(t -> !isCopyOfRemoteThread(t))
                .filter(t -> forum.openingPost(t.thread().id()).filter(p -> !p.isGone()).isPresent())
                .map(t -> page == 0 ? contexts.collection(t.community(), t.thread())
                        : contexts.page(t.community(), t.thread(), page));
    }

    public Optional<JsonObject> post(UUID postId) {
        Post post = em.find(Post.class, postId);
        if (post == null || post.isGone()) {
            return Optional.empty();
        }
        return sharedThread(post.threadId()).map(t -> publisher.postDocument(t.community(), t.thread(), post));
    }

    /**
     * A meetup's date as an Event, while the meetup's thread is shared in a federating community and the date
     * is not cancelled; its going count is today's.
     */
    public Optional<JsonObject> meetup(UUID occurrenceId) {
        return meetups.date(new OccurrenceId(occurrenceId))
                .filter(d -> !d.occurrence().cancelled() && d.meetup().status() == Meetup.Status.SCHEDULED)
                .flatMap(d -> meetupPublisher.shared(d.meetup().community(), d.meetup().id(), true)
                        .map(s -> meetupPublisher.eventDocument(s.community(), d.meetup(), d.occurrence(), null)));
    }

    private record Shared(Community community, ForumThread thread) {
    }

    private Optional<Shared> sharedThread(UUID threadId) {
        ForumThread thread = em.find(ForumThread.class, threadId);
        if (thread == null || !thread.isShared() || thread.hidden() || thread.visibility() != Visibility.COMMUNITY) {
            return Optional.empty();
        }
        return communities.find(thread.community()).filter(c -> gate.federates(c.id())).map(c -> new Shared(c, thread));
    }

    /** A thread copied here from a community we follow (its Page came from elsewhere). */
    private boolean isCopyOfRemoteThread(Shared shared) {
        return em.createQuery("select count(o) from FederatedObject o where o.key.communityId = :c and o.localId = :t "
                        + "and o.kind = :k", Long.class)
                .setParameter("c", shared.community().id().value()).setParameter("t", shared.thread().id())
                .setParameter("k", FederatedObject.Kind.THREAD).getSingleResult() > 0;
    }

    private Optional<Community> federatingCommunity(String slug) {
        return communities.findBySlug(slug).filter(c -> gate.federates(c.id()));
    }

    private Optional<Membership> federatingMember(MemberId id) {
        Membership m = em.find(Membership.class, id.value());
        if (m == null || m.status() != MembershipStatus.ACTIVE) {
            return Optional.empty();
        }
        return gate.federates(m.community()) ? Optional.of(m) : Optional.empty();
    }

    private static String summary(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        return "<p>" + description.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>";
    }
}
