package org.kinship.platform.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipEvent;
import org.kinship.platform.community.Role;
import org.kinship.platform.community.Text;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.Category;
import org.kinship.platform.forum.ForumAccess;
import org.kinship.platform.forum.ForumEvent;
import org.kinship.platform.forum.ForumRepository;
import org.kinship.platform.forum.ForumThread;
import org.kinship.platform.forum.Post;
import org.kinship.platform.forum.Visibility;
import org.kinship.platform.moderation.ModerationAction.Type;
import org.kinship.platform.notification.NotificationService;

/**
 * The moderators' side of a community: one queue, actions that each need a reason and are written to
 * the audit log, and a notice to the member concerned saying what happened and why (never who
 * reported them).
 */
@ApplicationScoped
@Transactional
public class ModerationService {
    public static final int MAX_REASON = 500;
    public static final Duration MAX_MUTE = Duration.ofDays(365);

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess communityAccess;

    @Inject
    ForumRepository forum;

    @Inject
    ForumAccess forumAccess;

    @Inject
    NotificationService notifications;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<MembershipEvent> membershipEvents;

    @Inject
    jakarta.enterprise.event.Event<ForumEvent> forumEvents;

    @Inject
    jakarta.enterprise.event.Event<Reported> reports;

    // ---- raising items ----

    /** Any member reports a post they can read. */
    public ModerationItem report(Caller caller, String slug, UUID postId, String reason) {
        Community community = communities.requireBySlug(slug);
        ForumAccess.Reader reader = forumAccess.reader(caller, community);
        Post post = forum.post(community.id(), postId)
                .filter(p -> forumAccess.canRead(reader, forum.thread(community.id(), p.threadId()).orElseThrow()))
                .orElseThrow(() -> new KinshipException(ErrorCode.POST_NOT_FOUND, "There is no such post."));
        if (post.isAuthor(reader.id())) {
            throw new KinshipException(ErrorCode.CANNOT_REPORT_OWN_POST,
                    "You cannot report your own post. You can edit or delete it instead.");
        }
        String why = Text.required(ErrorCode.REASON_REQUIRED, "a reason", reason, MAX_REASON);
        ModerationItem item = ModerationItem.report(community.id(), post.threadId(), post.id(), post.author(), reader.id(),
                why, excerpt(post), clock.instant());
        em.persist(item);
        reports.fire(new Reported(community.id(), post.threadId(), post.id(), why));
        return item;
    }

    /**
     * A report from another server (an ActivityPub Flag) about a post in this community: it joins the queue
     * like a member's, with the remote reporter (a REMOTE membership) as its reporter.
     */
    public ModerationItem reportFromElsewhere(CommunityId community, Post post, MemberId reporter, String reason) {
        String why = reason == null || reason.isBlank() ? "Reported on another server (no reason given)."
                : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        ModerationItem item = ModerationItem.report(community, post.threadId(), post.id(), post.author(), reporter,
                why, excerpt(post), clock.instant());
        em.persist(item);
        return item;
    }

    /** Crisis language alerts the moderators at once, in the same transaction as the post. */
    void onCrisis(@Observes ForumEvent.CrisisLanguage crisis) {
        Post post = forum.post(crisis.community(), crisis.postId()).orElseThrow();
        // In a closed circle moderators learn who may need them, not what was written in confidence.
        String excerpt = crisis.visibility() == Visibility.CIRCLE ? null : excerpt(post);
        em.persist(ModerationItem.crisis(crisis.community(), crisis.threadId(), crisis.postId(), crisis.author(),
                String.join(", ", crisis.phrases()), excerpt, clock.instant()));
    }

    void onNewcomer(@Observes ForumEvent.NewcomerThread newcomer) {
        em.persist(ModerationItem.welcome(newcomer.community(), newcomer.threadId(), newcomer.author(), clock.instant()));
    }

    private static String excerpt(Post post) {
        String text = post.bodyText();
        if (text == null) {
            return null;
        }
        return text.length() <= 600 ? text : text.substring(0, 599) + "…";
    }

    // ---- the queue ----

    /** The open queue, urgent first, with pseudonyms (reporters' included: moderators may need to ask them). */
    /** {@code rooms}: names of the chat rooms items are about (a direct conversation has none: it shows as such). */
    public record Queue(List<ModerationItem> items, Map<UUID, String> pseudonyms, Map<UUID, String> titles,
                        Map<UUID, String> rooms) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Queue queue(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireModerator(caller, community);
        List<ModerationItem> items = em.createQuery("select i from ModerationItem i where i.communityId = :c and i.status = :open"
                        + " order by i.urgent desc, i.createdAt", ModerationItem.class)
                .setParameter("c", community.id().value())
                .setParameter("open", ModerationItem.Status.OPEN)
                .setMaxResults(200)
                .getResultList();
        Set<UUID> people = new HashSet<>();
        Map<UUID, String> titles = new java.util.HashMap<>();
        Map<UUID, String> rooms = new java.util.HashMap<>();
        for (ModerationItem i : items) {
            people.add(i.subject().value());
            if (i.reporter() != null) {
                people.add(i.reporter().value());
            }
            if (i.threadId() != null) {
                forum.thread(community.id(), i.threadId())
                        .filter(t -> t.visibility() == Visibility.COMMUNITY)
                        .ifPresent(t -> titles.put(t.id(), t.title()));
            }
            if (i.roomId() != null) {
                org.kinship.platform.chat.Room room = em.find(org.kinship.platform.chat.Room.class, i.roomId());
                if (room != null && !room.isDirect()) {
                    rooms.put(i.roomId(), room.name());
                }
            }
        }
        return new Queue(items, forum.pseudonyms(people), titles, rooms);
    }

    /** Close an item: DISMISSED (nothing to do) or RESOLVED (dealt with, e.g. after a hide or a welcome). */
    public void close(Caller caller, String slug, UUID itemId, boolean dismiss, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        ModerationItem item = em.find(ModerationItem.class, itemId);
        if (item == null || !item.community().equals(community.id())) {
            throw new KinshipException(ErrorCode.REPORT_NOT_FOUND, "No such item in this community's queue.");
        }
        Instant now = clock.instant();
        item.close(dismiss ? ModerationItem.Status.DISMISSED : ModerationItem.Status.RESOLVED, moderator.id(), why, now);
        if (item.kind() == ModerationItem.Kind.WELCOME && item.threadId() != null) {
            forum.thread(community.id(), item.threadId()).ifPresent(ForumThread::welcomed);
        }
        audit(community, moderator, dismiss ? Type.DISMISS : Type.RESOLVE, why, item.threadId(), item.postId(), null,
                item.id(), null, now);
    }

    // ---- actions on content and people ----

    /** An action on a post: HIDE_POST or RESTORE_POST. */
    public void actOnPost(Caller caller, String slug, UUID postId, Type action, String reason) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        Post post = forum.post(community.id(), postId)
                .filter(p -> moderatable(community, p.threadId()))
                .orElseThrow(() -> new KinshipException(ErrorCode.POST_NOT_FOUND, "There is no such post."));
        boolean wasVisible = !post.isGone();
        switch (action) {
            case HIDE_POST -> post.hide();
            case RESTORE_POST -> post.restore();
            default -> throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Posts can be hidden or restored.");
        }
        if (action == Type.HIDE_POST && wasVisible) {
            // Hiding a post its author deleted (or one already hidden) takes nothing more away.
            forumEvents.fire(new ForumEvent.PostDeleted(community.id(), post.threadId(), post.id(), true));
        }
        Instant now = clock.instant();
        audit(community, moderator, action, why, post.threadId(), post.id(), post.author(), null, null, now);
        notifications.moderationOutcome(community, post.author(), post.threadId(), post.id(),
                outcome(action) + ": " + why);
    }

    /** An action on a thread: HIDE_THREAD, RESTORE_THREAD, LOCK, UNLOCK, PIN, UNPIN or MOVE (with a category). */
    public void actOnThread(Caller caller, String slug, UUID threadId, Type action, String reason, UUID toCategory) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        ForumThread thread = forum.thread(community.id(), threadId)
                .filter(t -> t.visibility() == Visibility.COMMUNITY)
                .orElseThrow(() -> new KinshipException(ErrorCode.THREAD_NOT_FOUND, "There is no such thread."));
        boolean wasLocked = thread.locked();
        switch (action) {
            case HIDE_THREAD -> thread.hide();
            case RESTORE_THREAD -> thread.restore();
            case LOCK -> thread.lock();
            case UNLOCK -> thread.unlock();
            case PIN -> thread.pin();
            case UNPIN -> thread.unpin();
            case MOVE -> {
                Category category = toCategory == null ? null : forum.category(community.id(), toCategory).orElse(null);
                if (category == null) {
                    throw new KinshipException(ErrorCode.CATEGORY_NOT_FOUND, "Choose a category of this community to move to.");
                }
                thread.moveTo(category);
            }
            default -> throw new KinshipException(ErrorCode.VALIDATION_FAILED, "That is not an action on a thread.");
        }
        if (thread.locked() != wasLocked) {
            forumEvents.fire(new ForumEvent.ThreadLocked(community.id(), thread.id(), thread.locked()));
        }
        Instant now = clock.instant();
        audit(community, moderator, action, why, thread.id(), null, thread.author(), null, null, now);
        notifications.moderationOutcome(community, thread.author(), thread.id(), null, outcome(action) + ": " + why);
    }

    /** Mute a member for a time (they read but do not write), unmute, or ban them from the community. */
    public void actOnMember(Caller caller, String slug, MemberId target, Type action, String reason, Duration duration) {
        Community community = communities.requireBySlug(slug);
        Membership moderator = communityAccess.requireModerator(caller, community);
        String why = reasonOf(reason);
        Membership member = communities.member(community.id(), target)
                // Someone who writes from another server (a REMOTE membership) can be banned; muting is for members here.
                .filter(m -> m.isActive() || (action == Type.BAN && m.isRemote()))
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "No such member in " + community.name() + "."));
        if (member.id().equals(moderator.id())) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Moderators cannot mute or ban themselves.");
        }
        if (member.role() == Role.ADMIN && moderator.role() != Role.ADMIN) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only an admin can mute or ban an admin.");
        }
        Instant now = clock.instant();
        Instant until = null;
        switch (action) {
            case MUTE -> {
                if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(MAX_MUTE) > 0) {
                    throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A mute lasts from one minute to a year.");
                }
                until = now.plus(duration);
                member.mute(until);
            }
            case UNMUTE -> member.unmute();
            case BAN -> {
                member.ban();
                membershipEvents.fire(new MembershipEvent.Banned(community.id(), member.id()));
            }
            default -> throw new KinshipException(ErrorCode.VALIDATION_FAILED, "That is not an action on a member.");
        }
        audit(community, moderator, action, why, null, null, member.id(), null, until, now);
        notifications.moderationOutcome(community, member.id(), null, null, outcome(action)
                + (until == null ? "" : " until " + until) + ": " + why);
    }

    // ---- the audit log ----

    public record Log(List<ModerationAction> actions, Map<UUID, String> pseudonyms) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Log log(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireAdmin(caller, community);
        List<ModerationAction> actions = em.createQuery("select a from ModerationAction a where a.communityId = :c"
                        + " order by a.createdAt desc", ModerationAction.class)
                .setParameter("c", community.id().value())
                .setMaxResults(500)
                .getResultList();
        Set<UUID> people = new HashSet<>();
        actions.forEach(a -> {
            people.add(a.moderator().value());
            if (a.member() != null) {
                people.add(a.member().value());
            }
        });
        return new Log(actions, forum.pseudonyms(people));
    }

    private boolean moderatable(Community community, UUID threadId) {
        // A closed circle's posts can be moderated only once reported (the report brings the post to the queue).
        ForumThread thread = forum.thread(community.id(), threadId).orElseThrow();
        return thread.visibility() == Visibility.COMMUNITY || reported(threadId);
    }

    private boolean reported(UUID threadId) {
        return !em.createQuery("select i.id from ModerationItem i where i.threadId = :t and i.kind = :k", UUID.class)
                .setParameter("t", threadId)
                .setParameter("k", ModerationItem.Kind.REPORT)
                .setMaxResults(1).getResultList().isEmpty();
    }

    private void audit(Community community, Membership moderator, Type action, String reason, UUID threadId, UUID postId,
                       MemberId member, UUID itemId, Instant until, Instant now) {
        em.persist(new ModerationAction(community.id(), moderator.id(), action, reason, threadId, postId, member, itemId,
                until, now));
    }

    private static String reasonOf(String reason) {
        return Text.required(ErrorCode.REASON_REQUIRED, "a reason", reason, MAX_REASON);
    }

    /** The words a member reads about an action taken on their content (English; the client translates by action). */
    private static String outcome(Type action) {
        return switch (action) {
            case HIDE_POST -> "Your post was hidden by a moderator";
            case RESTORE_POST -> "Your post was restored";
            case HIDE_THREAD -> "Your thread was hidden by a moderator";
            case RESTORE_THREAD -> "Your thread was restored";
            case LOCK -> "Your thread was locked";
            case UNLOCK -> "Your thread was unlocked";
            case PIN -> "Your thread was pinned";
            case UNPIN -> "Your thread was unpinned";
            case MOVE -> "Your thread was moved to another category";
            case MUTE -> "A moderator paused your writing";
            case UNMUTE -> "You can write again";
            case BAN -> "You were banned from the community";
            default -> action.name();
        };
    }
}
