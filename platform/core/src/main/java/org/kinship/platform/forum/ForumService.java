package org.kinship.platform.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityAccess;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.CrisisResource;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipStatus;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.forum.ForumAccess.Reader;
import org.kinship.platform.notification.NotificationService;
import org.kinship.platform.persistence.UniqueViolation;
import org.kinship.platform.safety.SafetySignals;
import org.kinship.platform.text.Markdown;

/**
 * The forum's use cases. Each runs in one transaction and checks everything before it writes, so a
 * refused request changes nothing.
 */
@ApplicationScoped
@Transactional
public class ForumService {
    public static final int PAGE_SIZE = 50;
    public static final int LISTING_SIZE = 30;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])@([\\p{L}\\p{N}][\\p{L}\\p{N}._'-]{1,31})");

    @Inject
    CommunityRepository communities;

    @Inject
    CommunityAccess communityAccess;

    @Inject
    ForumRepository repository;

    @Inject
    ForumAccess access;

    @Inject
    SafetySignals safety;

    @Inject
    Markdown markdown;

    @Inject
    Clock clock;

    @Inject
    Event<ForumEvent> events;

    @Inject
    ForumReadModel readModel;

    @Inject
    NotificationService notifications;

    // ---- categories ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> categories(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        access.reader(caller, community);
        return repository.categories(community.id());
    }

    public Category createCategory(Caller caller, String slug, Category.Details details) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireAdmin(caller, community);
        Category category = new Category(community.id(), details, clock.instant());
        repository.persist(category);
        flushCategory();
        return category;
    }

    public Category updateCategory(Caller caller, String slug, UUID id, Category.Details details) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireAdmin(caller, community);
        Category category = requireCategory(community, id);
        category.update(details);
        flushCategory();
        return category;
    }

    public void deleteCategory(Caller caller, String slug, UUID id) {
        Community community = communities.requireBySlug(slug);
        communityAccess.requireAdmin(caller, community);
        Category category = requireCategory(community, id);
        if (repository.categoryHasThreads(category.id())) {
            throw new KinshipException(ErrorCode.CATEGORY_NOT_EMPTY, "Move or remove this category's threads first.");
        }
        repository.remove(category);
    }

    private void flushCategory() {
        try {
            repository.flush();
        } catch (PersistenceException e) {
            if (UniqueViolation.of(e, "uq_category_name")) {
                throw new KinshipException(ErrorCode.CATEGORY_NAME_TAKEN, "This community already has a category with that name.");
            }
            throw e;
        }
    }

    private Category requireCategory(Community community, UUID id) {
        return repository.category(community.id(), id).orElseThrow(() ->
                new KinshipException(ErrorCode.CATEGORY_NOT_FOUND, "No such category in " + community.name() + "."));
    }

    // ---- threads and posts ----

    /** What a member writes to start a thread. {@code circle} non-null starts a closed circle with those pseudonyms. */
    public record NewThread(UUID categoryId, String title, String body, String contentWarning, List<String> circle) {
    }

    /**
     * A post as written, under the author's pseudonym, with the community's crisis resources when the
     * words suggested a crisis (empty otherwise): the author is shown them at once.
     */
    public record Written(ForumThread thread, Post post, String pseudonym, List<CrisisResource> crisisSupport) {
    }

    private static Written written(Community community, Reader author, ForumThread thread, Post post, Set<String> crisis) {
        return new Written(thread, post, author.membership().pseudonym().value(),
                crisis.isEmpty() ? List.of() : community.crisisResources());
    }

    public Written startThread(Caller caller, String slug, NewThread request) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.writer(caller, community);
        Instant now = clock.instant();
        PostBody body = PostBody.of(request.body(), request.contentWarning(), markdown);
        ForumThread thread;
        List<Membership> invited = List.of();
        if (request.circle() != null) {
            invited = circleInvitees(community, author, request.circle());
            thread = ForumThread.circle(community.id(), request.title(), author.id(), now);
        } else {
            if (request.categoryId() == null) {
                throw new KinshipException(ErrorCode.CATEGORY_NOT_FOUND, "Choose a category for the thread.");
            }
            Category category = requireCategory(community, request.categoryId());
            if (!category.allowsStartBy(author.membership().role())) {
                throw new KinshipException(ErrorCode.CATEGORY_CLOSED, "Only moderators start threads in " + category.name() + ".");
            }
            boolean newcomer = !repository.hasStartedThreads(author.id());
            thread = ForumThread.inCategory(category, request.title(), author.id(), newcomer, now);
        }
        repository.persist(thread);
        Set<String> crisis = safety.detect(community, thread.title() + "\n" + body.text() + "\n" + nullToEmpty(body.contentWarning()));
        Post post = new Post(thread, author.id(), thread.nextSeq(now), null, body, !crisis.isEmpty(), now);
        repository.persist(post);
        for (Membership m : invited) {
            repository.persist(new CircleMember(thread, m.id(), now));
            events.fire(new ForumEvent.CircleInvitation(community.id(), thread.id(), m.id(), author.id()));
        }
        if (thread.needsWelcome()) {
            events.fire(new ForumEvent.NewcomerThread(community.id(), thread.id(), author.id()));
        }
        announce(community, thread, post, null, crisis, false);
        return written(community, author, thread, post, crisis);
    }

    /** A reply: to the thread, or to a post in it. */
    public record NewReply(UUID inReplyTo, String body, String contentWarning) {
    }

    public Written reply(Caller caller, String slug, UUID threadId, NewReply request) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.writer(caller, community);
        ForumThread thread = access.requireReadable(author, repository.thread(community.id(), threadId)
                .orElseThrow(ForumAccess::threadNotFound));
        PostBody body = PostBody.of(request.body(), request.contentWarning(), markdown);
        Post answered = null;
        if (request.inReplyTo() != null) {
            answered = repository.post(community.id(), request.inReplyTo())
                    .filter(p -> p.threadId().equals(thread.id()))
                    .orElseThrow(() -> new KinshipException(ErrorCode.POST_NOT_FOUND, "The post you answer is not in this thread."));
            if (answered.isGone()) {
                throw new KinshipException(ErrorCode.REPLY_TARGET_GONE,
                        "The post you answer was deleted or hidden. You can still answer the thread.");
            }
        }
        Post opening = repository.openingPost(thread.id()).orElseThrow();
        if (opening.hidden() && !author.moderator()) {
            throw new KinshipException(ErrorCode.REPLY_TARGET_GONE, "This thread was hidden by the moderators.");
        }
        Instant now = clock.instant();
        repository.lockThread(thread).checkOpenFor(access.canModerate(author, thread));
        Set<String> crisis = safety.detect(community, body.text() + "\n" + nullToEmpty(body.contentWarning()));
        Post post = new Post(thread, author.id(), thread.nextSeq(now), answered, body, !crisis.isEmpty(), now);
        repository.persist(post);
        announce(community, thread, post, answered == null ? opening.author() : answered.author(), crisis, false);
        return written(community, author, thread, post, crisis);
    }

    /** An author's edit: new words (and, for an opening post, maybe a new title). */
    public record Edit(String title, String body, String contentWarning) {
    }

    public Written edit(Caller caller, String slug, UUID postId, Edit request) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.writer(caller, community);
        Post post = requireReadablePost(author, community, postId);
        ForumThread thread = repository.thread(community.id(), post.threadId()).orElseThrow();
        if (!post.isAuthor(author.id())) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the author can edit a post.");
        }
        thread.checkOpenFor(access.canModerate(author, thread));
        PostBody body = PostBody.of(request.body(), request.contentWarning(), markdown);
        Instant now = clock.instant();
        String oldTitle = post.seq() == 0 ? thread.title() : null;
        String newTitle = post.seq() == 0 && request.title() != null ? ForumThread.checkedTitle(request.title()) : null;
        Set<String> crisis = safety.detect(community, nullToEmpty(newTitle) + "\n" + body.text() + "\n"
                + nullToEmpty(body.contentWarning()));
        repository.persist(post.edit(author.id(), oldTitle, body, !crisis.isEmpty(), now));
        if (newTitle != null) {
            thread.retitle(newTitle);
        }
        announce(community, thread, post, null, crisis, true);
        return written(community, author, thread, post, crisis);
    }

    public void delete(Caller caller, String slug, UUID postId) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.reader(caller, community);
        Post post = requireReadablePost(author, community, postId);
        post.delete(author.id(), clock.instant());
        if (post.seq() == 0) {
            repository.thread(community.id(), post.threadId()).orElseThrow().forgetTitle();
        }
        events.fire(new ForumEvent.PostDeleted(community.id(), post.threadId(), post.id(), false));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostRevision> history(Caller caller, String slug, UUID postId) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        Post post = requireReadablePost(reader, community, postId);
        ForumThread thread = repository.thread(community.id(), post.threadId()).orElseThrow();
        if (!post.isAuthor(reader.id()) && !access.canModerate(reader, thread)) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only moderators and the author can see earlier versions.");
        }
        return repository.revisions(post.id());
    }

    public void react(Caller caller, String slug, UUID postId, ReactionKind kind) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.writer(caller, community);
        Post post = requireReadablePost(reader, community, postId);
        if (post.isGone()) {
            throw new KinshipException(ErrorCode.REPLY_TARGET_GONE, "This post was deleted or hidden.");
        }
        if (repository.reaction(post.id(), reader.id(), kind).isEmpty()) {
            Reaction reaction = new Reaction(post, reader.id(), kind, clock.instant());
            repository.persist(reaction);
            try {
                repository.flush();
            } catch (PersistenceException e) {
                if (!UniqueViolation.of(e, "uq_reaction")) {
                    throw e;
                }
                // The same reaction arrived twice at once: the first one stands, which is what was asked.
                return;
            }
            hearted(community, post, reaction, true);
        }
    }

    public void unreact(Caller caller, String slug, UUID postId, ReactionKind kind) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        Post post = requireReadablePost(reader, community, postId);
        repository.reaction(post.id(), reader.id(), kind).ifPresent(reaction -> {
            repository.remove(reaction);
            hearted(community, post, reaction, false);
        });
    }

    /** Hearts are the one reaction other servers know (as Like): federation hears of them, and of no other. */
    private void hearted(Community community, Post post, Reaction reaction, boolean hearted) {
        if (reaction.kind() == ReactionKind.HEART) {
            events.fire(new ForumEvent.PostHearted(community.id(), post.threadId(), post.id(),
                    new MemberId(reaction.memberId()), reaction.id(), reaction.createdAt(), hearted));
        }
    }

    // ---- sharing beyond the community ----

    /** What a notification says when a moderator asks an author to share (the client words it by this prefix). */
    public static final String SHARE_REQUEST_NOTICE = "A moderator asks you to share your thread with other communities";

    /**
     * The author shares their thread beyond the community ({@code shared} true) or stops sharing it; see
     * {@link ForumThread#share} and {@link ForumThread#unshare}. Consent is not writing: a muted author
     * may still give or withdraw it. {@link ForumEvent.ThreadSharing} is fired when it changed.
     */
    public ForumThread setSharing(Caller caller, String slug, UUID threadId, boolean shared) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.reader(caller, community);
        ForumThread thread = access.requireReadable(author, repository.thread(community.id(), threadId)
                .orElseThrow(ForumAccess::threadNotFound));
        boolean changed = shared ? thread.share(author.id(), clock.instant()) : thread.unshare(author.id());
        if (changed) {
            events.fire(new ForumEvent.ThreadSharing(community.id(), thread.id(), shared));
        }
        return thread;
    }

    /**
     * A moderator or admin asks the author to share the thread; the author is notified once per request.
     * The thread is not shared by this (see {@link ForumThread#requestSharing}).
     */
    public ForumThread requestSharing(Caller caller, String slug, UUID threadId) {
        Community community = communities.requireBySlug(slug);
        Reader requester = access.reader(caller, community);
        ForumThread thread = access.requireReadable(requester, repository.thread(community.id(), threadId)
                .orElseThrow(ForumAccess::threadNotFound));
        Membership author = communities.member(community.id(), thread.author()).orElseThrow();
        if (thread.requestSharing(requester.membership(), author, clock.instant()) && !thread.isAuthor(requester.id())) {
            notifications.moderationOutcome(community, thread.author(), thread.id(), null, SHARE_REQUEST_NOTICE);
        }
        return thread;
    }

    /** The author declines a moderator's request to share; the thread stays in the community. */
    public ForumThread declineSharing(Caller caller, String slug, UUID threadId) {
        Community community = communities.requireBySlug(slug);
        Reader author = access.reader(caller, community);
        ForumThread thread = access.requireReadable(author, repository.thread(community.id(), threadId)
                .orElseThrow(ForumAccess::threadNotFound));
        thread.declineShareRequest(author.id());
        return thread;
    }

    /**
     * For the federation code, which is trusted (no caller, no access check): the thread while its author
     * shares it and the moderators have not hidden it; empty otherwise, also for a closed circle or an
     * unknown id. It answers "may this thread leave the community now?", not whether it ever did.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ForumThread> sharedThread(UUID threadId) {
        return repository.thread(threadId).filter(ForumThread::isShared).filter(t -> !t.hidden());
    }

    // ---- reading ----

    /** One page of a thread as one reader sees it: what everyone sees, plus the reader's own marks. */
    public record ThreadPage(ForumReadModel.SharedPage shared, Reader reader, int lastRead, Set<String> mine) {
        public ForumThread thread() {
            return shared.thread();
        }

        public List<Post> posts() {
            return shared.posts();
        }

        public Map<UUID, String> pseudonyms() {
            return shared.pseudonyms();
        }

        public Map<UUID, Map<ReactionKind, Long>> reactions() {
            return shared.reactions();
        }

        public List<CircleMember> circle() {
            return shared.circle();
        }

        public boolean showWords(Post post) {
            return ForumAccess.canSeeWords(reader, post);
        }
    }

    /**
     * A page of a thread. Served from the read model: the access rules below run on every read, on
     * facts that are dropped from memory whenever they change (see ForumReadModel).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ThreadPage read(Caller caller, String slug, UUID threadId, int fromSeq) {
        Community community = readModel.community(slug);
        Reader reader = access.reader(readModel.membership(community.id(), caller.account()), community);
        ForumReadModel.SharedPage page = readModel.page(community.id(), threadId, Math.max(0, fromSeq))
                .filter(p -> ForumAccess.canRead(reader, p.thread(), p.circle()))
                .orElseThrow(ForumAccess::threadNotFound);
        return new ThreadPage(page, reader, readModel.lastRead(reader.id(), threadId),
                readModel.myReactions(reader.id(), threadId));
    }

    public void markRead(Caller caller, String slug, UUID threadId, int seq) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        ForumThread thread = access.requireReadable(reader, repository.thread(community.id(), threadId)
                .orElseThrow(ForumAccess::threadNotFound));
        int upTo = Math.min(seq, thread.postCount() - 1);
        Instant now = clock.instant();
        repository.readMarker(thread.id(), reader.id()).ifPresentOrElse(
                m -> m.readUpTo(upTo, now),
                () -> repository.persist(new ReadMarker(thread.id(), reader.id(), upTo, now)));
    }

    /**
     * A listing of threads with the reader's unread counts. {@code shared} is the read model's entry
     * when the listing came from it (null otherwise), for the web layer's encoded forms.
     */
    public record Listing(List<ForumThread> threads, Map<UUID, String> pseudonyms, Map<UUID, Integer> lastRead,
                          ForumReadModel.SharedListing shared, Reader reader) {
        public int unread(ForumThread thread) {
            return thread.postCount() - 1 - lastRead.getOrDefault(thread.id(), -1);
        }
    }

    /**
     * Whether this reader is told of a moderator's pending request to share: the author and the moderators
     * are; other members are not, so that the author decides without an audience.
     */
    public static boolean seesShareRequest(Reader reader, ForumThread thread) {
        return thread.shareRequested() && (thread.isAuthor(reader.id()) || reader.moderator());
    }

    public enum View { LATEST, UNANSWERED }

    /** Latest or unanswered threads, of one category or all; from the read model like {@link #read}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing threads(Caller caller, String slug, UUID categoryId, View view, int page) {
        Community community = readModel.community(slug);
        Reader reader = access.reader(readModel.membership(community.id(), caller.account()), community);
        if (categoryId != null && readModel.categories(community.id()).stream().noneMatch(c -> c.id().equals(categoryId))) {
            throw new KinshipException(ErrorCode.CATEGORY_NOT_FOUND, "No such category in " + community.name() + ".");
        }
        ForumReadModel.SharedListing shared = readModel.listing(community.id(), categoryId, view == View.UNANSWERED,
                reader.moderator(), Math.max(0, page));
        return new Listing(shared.threads(), shared.pseudonyms(),
                readModel.lastRead(reader.id(), shared.threads().stream().map(ForumThread::id).toList()), shared, reader);
    }

    private Listing listing(List<ForumThread> threads, Reader reader) {
        Set<UUID> people = new HashSet<>();
        threads.forEach(t -> people.add(t.author().value()));
        return new Listing(threads, repository.pseudonyms(people),
                repository.readMarkers(threads.stream().map(ForumThread::id).toList(), reader.id()), null, reader);
    }

    // ---- closed circles ----

    /** My circles (started or joined) and the circles I am invited to. */
    public record Circles(Listing joined, Listing invited) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Circles circles(Caller caller, String slug) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        return new Circles(
                listing(repository.circlesOf(reader.id(), EnumSet.of(CircleMember.Status.ACCEPTED)), reader),
                listing(repository.circlesOf(reader.id(), EnumSet.of(CircleMember.Status.INVITED)).stream()
                        .filter(t -> !t.isAuthor(reader.id())).toList(), reader));
    }

    public void inviteToCircle(Caller caller, String slug, UUID threadId, String pseudonym) {
        Community community = communities.requireBySlug(slug);
        Reader starter = access.writer(caller, community);
        ForumThread circle = requireOwnCircle(starter, community, threadId);
        Membership invitee = circleInvitees(community, starter, List.of(pseudonym)).get(0);
        Instant now = clock.instant();
        repository.circleMember(circle.id(), invitee.id()).ifPresentOrElse(
                m -> m.reinvite(now),
                () -> repository.persist(new CircleMember(circle, invitee.id(), now)));
        events.fire(new ForumEvent.CircleInvitation(community.id(), circle.id(), invitee.id(), starter.id()));
    }

    public void answerCircleInvitation(Caller caller, String slug, UUID threadId, boolean accept) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        CircleMember invitation = repository.thread(community.id(), threadId)
                .filter(t -> t.visibility() == Visibility.CIRCLE)
                .flatMap(t -> repository.circleMember(t.id(), reader.id()))
                .orElseThrow(ForumAccess::threadNotFound);
        if (accept) {
            invitation.accept(clock.instant());
        } else {
            invitation.decline(clock.instant());
        }
    }

    /** The starter takes someone out of the circle, or a member leaves it. */
    public void removeFromCircle(Caller caller, String slug, UUID threadId, MemberId member) {
        Community community = communities.requireBySlug(slug);
        Reader reader = access.reader(caller, community);
        ForumThread circle = repository.thread(community.id(), threadId)
                .filter(t -> t.visibility() == Visibility.CIRCLE)
                .filter(t -> access.canRead(reader, t))
                .orElseThrow(ForumAccess::threadNotFound);
        if (!circle.isAuthor(reader.id()) && !member.equals(reader.id())) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the person who started the circle can remove others.");
        }
        repository.circleMember(circle.id(), member)
                .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND, "They are not in this circle."))
                .remove(clock.instant());
    }

    private ForumThread requireOwnCircle(Reader starter, Community community, UUID threadId) {
        ForumThread circle = repository.thread(community.id(), threadId)
                .filter(t -> t.visibility() == Visibility.CIRCLE)
                .filter(t -> access.canRead(starter, t))
                .orElseThrow(ForumAccess::threadNotFound);
        if (!circle.isAuthor(starter.id())) {
            throw new KinshipException(ErrorCode.NOT_AUTHOR, "Only the person who started the circle can invite others.");
        }
        return circle;
    }

    private List<Membership> circleInvitees(Community community, Reader starter, List<String> pseudonyms) {
        if (pseudonyms.size() > 50) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "A circle can start with at most 50 invited members.");
        }
        List<Membership> invitees = new ArrayList<>();
        Set<MemberId> seen = new LinkedHashSet<>();
        for (String typed : pseudonyms) {
            Membership m = communities.memberByPseudonym(community.id(), Pseudonym.fromStored(String.valueOf(typed)).key())
                    .filter(x -> x.status() == MembershipStatus.ACTIVE)
                    .orElseThrow(() -> new KinshipException(ErrorCode.MEMBER_NOT_FOUND,
                            "Nobody in " + community.name() + " goes by '" + typed + "'."));
            if (m.id().equals(starter.id())) {
                continue;
            }
            if (seen.add(m.id())) {
                invitees.add(m);
            }
        }
        return invitees;
    }

    // ---- helpers ----

    private Post requireReadablePost(Reader reader, Community community, UUID postId) {
        Post post = repository.post(community.id(), postId)
                .orElseThrow(() -> new KinshipException(ErrorCode.POST_NOT_FOUND, "There is no such post."));
        ForumThread thread = repository.thread(community.id(), post.threadId()).orElseThrow();
        if (!access.canRead(reader, thread)) {
            throw new KinshipException(ErrorCode.POST_NOT_FOUND, "There is no such post.");
        }
        return post;
    }

    private void announce(Community community, ForumThread thread, Post post, MemberId answered, Set<String> crisis,
                          boolean edit) {
        events.fire(new ForumEvent.PostWritten(community.id(), thread.id(), post.id(), post.author(), answered,
                thread.visibility(), mentions(post.bodySource()), edit));
        if (!crisis.isEmpty()) {
            events.fire(new ForumEvent.CrisisLanguage(community.id(), thread.id(), post.id(), post.author(),
                    thread.visibility(), crisis));
        }
    }

    static Set<String> mentions(String source) {
        Set<String> found = new LinkedHashSet<>();
        if (source != null) {
            Matcher m = MENTION.matcher(source);
            while (m.find() && found.size() < 20) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
