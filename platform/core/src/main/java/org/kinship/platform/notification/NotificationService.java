package org.kinship.platform.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipStatus;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.forum.ForumEvent;
import org.kinship.platform.forum.ForumRepository;
import org.kinship.platform.forum.Visibility;

/**
 * Turns what happens into notifications for the people it concerns. Observers run inside the
 * writing transaction, so a reply and its notification are stored together or not at all.
 */
@ApplicationScoped
public class NotificationService {
    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess access;

    @Inject
    ForumRepository forum;

    @Inject
    Clock clock;

    void onPost(@Observes ForumEvent.PostWritten written) {
        if (written.edit()) {
            return;
        }
        Set<MemberId> told = new HashSet<>();
        told.add(written.author());
        if (written.answered() != null && told.add(written.answered())) {
            notifyIfReader(written, written.answered(), Notification.Kind.REPLY);
        }
        for (String name : written.mentions()) {
            communities.memberByPseudonym(written.community(), Pseudonym.fromStored(name).key())
                    .filter(m -> m.status() == MembershipStatus.ACTIVE)
                    .filter(m -> told.add(m.id()))
                    .ifPresent(m -> notifyIfReader(written, m.id(), Notification.Kind.MENTION));
        }
    }

    /** A mention in a closed circle reaches only those who can read the circle; nobody else learns it exists. */
    private void notifyIfReader(ForumEvent.PostWritten written, MemberId recipient, Notification.Kind kind) {
        if (written.visibility() == Visibility.CIRCLE) {
            var thread = forum.thread(written.community(), written.threadId()).orElseThrow();
            boolean inCircle = thread.isAuthor(recipient) || forum.circleMember(thread.id(), recipient)
                    .filter(c -> c.status() == org.kinship.platform.forum.CircleMember.Status.ACCEPTED).isPresent();
            if (!inCircle) {
                return;
            }
        }
        em.persist(new Notification(recipient, written.community(), kind, written.threadId(), written.postId(),
                written.author(), null, clock.instant()));
    }

    void onCircleInvitation(@Observes ForumEvent.CircleInvitation invitation) {
        em.persist(new Notification(invitation.invited(), invitation.community(), Notification.Kind.CIRCLE_INVITATION,
                invitation.threadId(), null, invitation.by(), null, clock.instant()));
    }

    /** Tells a member what a moderator did about their post, thread or membership, and why. */
    public void moderationOutcome(Community community, MemberId recipient, UUID threadId, UUID postId, String detail) {
        em.persist(new Notification(recipient, community.id(), Notification.Kind.MODERATION, threadId, postId, null, detail,
                clock.instant()));
    }

    /** My notifications in a community, newest first, with the pseudonyms of who caused them. */
    public record Inbox(List<Notification> notifications, Map<UUID, String> pseudonyms) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Inbox inbox(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        List<Notification> list = em.createQuery("select n from Notification n where n.recipientId = :me"
                        + " order by n.createdAt desc", Notification.class)
                .setParameter("me", me.id().value())
                .setMaxResults(100)
                .getResultList();
        Set<UUID> actors = new HashSet<>();
        list.stream().map(Notification::actor).filter(a -> a != null).forEach(a -> actors.add(a.value()));
        return new Inbox(list, forum.pseudonyms(actors));
    }

    @Transactional
    public void markAllRead(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Membership me = access.requireMember(caller, community);
        em.createQuery("update Notification n set n.readAt = :now where n.recipientId = :me and n.readAt is null")
                .setParameter("now", clock.instant())
                .setParameter("me", me.id().value())
                .executeUpdate();
    }
}
