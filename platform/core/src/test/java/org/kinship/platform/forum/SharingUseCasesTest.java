package org.kinship.platform.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.RecordingEvent;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.account.Caller;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.CommunitySettings;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.community.RegistrationPolicy;
import org.kinship.platform.community.Role;
import org.kinship.platform.community.Slug;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.notification.NotificationService;
import org.kinship.platform.text.Markdown;

/**
 * The sharing use cases of {@link ForumService} on fakes of its collaborators: who is refused, which
 * events are fired (only for a change of consent), when the author is notified, and what the
 * federation code is told; and that an author's delete is announced, so that copies sent elsewhere
 * can be deleted too.
 */
class SharingUseCasesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");

    private final Community community = new Community(new Slug("town"), new CommunitySettings("Town peers", null, "en",
            ZoneId.of("Europe/Oslo"), RegistrationPolicy.OPEN, List.of()), NOW);
    private final Map<AccountId, Membership> byAccount = new HashMap<>();
    private final Map<UUID, ForumThread> threads = new HashMap<>();
    private final Map<UUID, Post> posts = new HashMap<>();
    private final List<ForumEvent> fired = new ArrayList<>();
    private final List<String> notified = new ArrayList<>();
    private final ForumService forum = new ForumService();

    private final Caller author = person("Ada", Role.MEMBER);
    private final Caller other = person("Bo", Role.MEMBER);
    private final Caller moderator = person("Mona", Role.MODERATOR);
    private final Caller outsider = new Caller(new AccountId(UUID.randomUUID()), false);

    SharingUseCasesTest() {
        ForumRepository repository = new ForumRepository() {
            @Override
            public Optional<ForumThread> thread(CommunityId where, UUID id) {
                return thread(id).filter(t -> t.community().equals(where));
            }

            @Override
            public Optional<ForumThread> thread(UUID id) {
                return Optional.ofNullable(threads.get(id));
            }

            @Override
            public Optional<Post> post(CommunityId where, UUID id) {
                return Optional.ofNullable(posts.get(id)).filter(p -> p.community().equals(where));
            }

            @Override
            public Optional<CircleMember> circleMember(UUID threadId, MemberId member) {
                return Optional.empty();
            }
        };
        forum.repository = repository;
        forum.communities = new CommunityRepository() {
            @Override
            public Community requireBySlug(String slug) {
                if (!slug.equals(community.slug().value())) {
                    throw new KinshipException(ErrorCode.COMMUNITY_NOT_FOUND, "no such community");
                }
                return community;
            }

            @Override
            public Optional<Membership> member(CommunityId where, MemberId member) {
                return byAccount.values().stream().filter(m -> m.id().equals(member)).findFirst();
            }
        };
        ForumAccess access = new ForumAccess() {
            @Override
            public Reader reader(Caller caller, Community where) {
                Membership m = byAccount.get(caller.account());
                if (m == null || !m.isActive()) {
                    throw new KinshipException(ErrorCode.NOT_A_MEMBER, "not a member");
                }
                return new Reader(m);
            }
        };
        access.repository = repository;
        forum.access = access;
        forum.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        forum.events = new RecordingEvent<>(fired);
        forum.notifications = new NotificationService() {
            @Override
            public void moderationOutcome(Community where, MemberId recipient, UUID threadId, UUID postId, String detail) {
                notified.add(recipient + " " + threadId + " " + detail);
            }
        };
    }

    private Caller person(String pseudonym, Role role) {
        AccountId account = new AccountId(UUID.randomUUID());
        byAccount.put(account, Membership.joined(community.id(), account, Pseudonym.of(pseudonym), role, NOW));
        return new Caller(account, false);
    }

    private MemberId id(Caller caller) {
        return byAccount.get(caller.account()).id();
    }

    private UUID thread() {
        Category category = new Category(community.id(), new Category.Details("Everyday", null, 0, null), NOW);
        ForumThread t = ForumThread.inCategory(category, "Evening walks", id(author), false, NOW);
        threads.put(t.id(), t);
        return t.id();
    }

    private UUID circle() {
        ForumThread t = ForumThread.circle(community.id(), "Just us", id(author), NOW);
        threads.put(t.id(), t);
        return t.id();
    }

    private static ErrorCode refusal(Runnable action) {
        return assertThrows(KinshipException.class, action::run).code();
    }

    @Test
    void consentFiresOneEventPerChangeAndTheFederationCodeSeesIt() {
        UUID thread = thread();
        assertTrue(forum.sharedThread(thread).isEmpty());
        assertTrue(forum.setSharing(author, "town", thread, true).isShared());
        forum.setSharing(author, "town", thread, true);
        assertEquals(List.of(new ForumEvent.ThreadSharing(community.id(), thread, true)), fired, "one event for one change");
        assertEquals(thread, forum.sharedThread(thread).orElseThrow().id());

        forum.setSharing(author, "town", thread, false);
        forum.setSharing(author, "town", thread, false);
        assertEquals(List.of(new ForumEvent.ThreadSharing(community.id(), thread, true),
                new ForumEvent.ThreadSharing(community.id(), thread, false)), fired);
        assertTrue(forum.sharedThread(thread).isEmpty(), "withdrawn consent stops federation at once");
    }

    @Test
    void theFederationCodeIsNotGivenAHiddenOrUnknownThread() {
        UUID thread = thread();
        forum.setSharing(author, "town", thread, true);
        threads.get(thread).hide();
        assertTrue(forum.sharedThread(thread).isEmpty());
        threads.get(thread).restore();
        assertTrue(forum.sharedThread(thread).isPresent());
        assertTrue(forum.sharedThread(UUID.randomUUID()).isEmpty());
    }

    @Test
    void refusalsChangeNothingAndFireNothing() {
        UUID thread = thread();
        assertEquals(ErrorCode.NOT_AUTHOR, refusal(() -> forum.setSharing(other, "town", thread, true)));
        assertEquals(ErrorCode.NOT_AUTHOR, refusal(() -> forum.setSharing(moderator, "town", thread, true)));
        assertEquals(ErrorCode.NOT_A_MEMBER, refusal(() -> forum.setSharing(outsider, "town", thread, true)));
        assertEquals(ErrorCode.THREAD_NOT_FOUND, refusal(() -> forum.setSharing(author, "town", UUID.randomUUID(), true)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> forum.requestSharing(other, "town", thread)));
        assertEquals(ErrorCode.SHARE_NOT_REQUESTED, refusal(() -> forum.declineSharing(author, "town", thread)));
        UUID circle = circle();
        assertEquals(ErrorCode.THREAD_NOT_SHAREABLE, refusal(() -> forum.setSharing(author, "town", circle, true)));
        assertEquals(ErrorCode.THREAD_NOT_FOUND, refusal(() -> forum.requestSharing(moderator, "town", circle)),
                "a circle the moderator is not in does not exist for them");
        assertFalse(threads.get(thread).isShared());
        assertFalse(threads.get(thread).shareRequested());
        assertEquals(List.of(), fired);
        assertEquals(List.of(), notified);
    }

    @Test
    void aRequestNotifiesTheAuthorOnceAndAcceptingIsSharing() {
        UUID thread = thread();
        forum.requestSharing(moderator, "town", thread);
        forum.requestSharing(moderator, "town", thread);
        assertEquals(List.of(id(author) + " " + thread + " " + ForumService.SHARE_REQUEST_NOTICE), notified);
        assertEquals(List.of(), fired, "a request is not consent");
        assertTrue(forum.sharedThread(thread).isEmpty());

        forum.setSharing(author, "town", thread, true);
        assertEquals(List.of(new ForumEvent.ThreadSharing(community.id(), thread, true)), fired);
        assertFalse(threads.get(thread).shareRequested());
    }

    @Test
    void declineClearsTheRequestAndSharesNothing() {
        UUID thread = thread();
        forum.requestSharing(moderator, "town", thread);
        assertEquals(ErrorCode.NOT_AUTHOR, refusal(() -> forum.declineSharing(moderator, "town", thread)));
        assertFalse(forum.declineSharing(author, "town", thread).shareRequested());
        assertFalse(threads.get(thread).isShared());
        assertEquals(List.of(), fired);
    }

    @Test
    void anAuthorWhoLeftIsNotAskedNorNotified() {
        UUID thread = thread();
        byAccount.get(author.account()).leave();
        assertEquals(ErrorCode.AUTHOR_GONE, refusal(() -> forum.requestSharing(moderator, "town", thread)));
        assertEquals(List.of(), notified);
        assertFalse(threads.get(thread).shareRequested());
    }

    @Test
    void aModeratorWhoStartedTheThreadSharesItThemselves() {
        Caller mona = moderator;
        Category category = new Category(community.id(), new Category.Details("News", null, 0, null), NOW);
        ForumThread own = ForumThread.inCategory(category, "Meeting notes", id(mona), false, NOW);
        threads.put(own.id(), own);
        forum.requestSharing(mona, "town", own.id());
        assertEquals(List.of(), notified, "nobody is told what they asked themselves");
        forum.setSharing(mona, "town", own.id(), true);
        assertTrue(own.isShared());
    }

    @Test
    void anAuthorsDeleteIsAnnouncedAndARefusedOneIsNot() {
        ForumThread t = threads.get(thread());
        Post post = new Post(t, id(other), t.nextSeq(NOW), null, PostBody.of("Me too.", null, new Markdown()), false, NOW);
        posts.put(post.id(), post);
        assertEquals(ErrorCode.NOT_AUTHOR, refusal(() -> forum.delete(author, "town", post.id())));
        assertEquals(List.of(), fired);
        forum.delete(other, "town", post.id());
        assertTrue(post.deleted());
        assertEquals(List.of(new ForumEvent.PostDeleted(community.id(), t.id(), post.id(), false)), fired);
    }
}
