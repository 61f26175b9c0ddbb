package org.kinship.platform.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import org.kinship.platform.text.Markdown;

/**
 * What the federation code hears of reactions ({@link ForumService#react}, {@link ForumService#unreact}) on fakes of
 * their collaborators: a heart given or taken back is one event, naming the heart's own row; a heart given twice or
 * taken back when there was none is no event; the other reactions are none of federation's business.
 */
class HeartEventsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");

    private final Community community = new Community(new Slug("town"), new CommunitySettings("Town peers", null, "en",
            ZoneId.of("Europe/Oslo"), RegistrationPolicy.OPEN, List.of()), NOW);
    private final Map<AccountId, Membership> byAccount = new HashMap<>();
    private final Map<UUID, ForumThread> threads = new HashMap<>();
    private final Map<UUID, Post> posts = new HashMap<>();
    private final List<Reaction> reactions = new ArrayList<>();
    private final List<ForumEvent> fired = new ArrayList<>();
    private final ForumService forum = new ForumService();

    private final Caller ada = person("Ada");
    private final Caller bo = person("Bo");

    HeartEventsTest() {
        ForumRepository repository = new ForumRepository() {
            @Override
            public Optional<ForumThread> thread(CommunityId where, UUID id) {
                return Optional.ofNullable(threads.get(id)).filter(t -> t.community().equals(where));
            }

            @Override
            public Optional<Post> post(CommunityId where, UUID id) {
                return Optional.ofNullable(posts.get(id)).filter(p -> p.community().equals(where));
            }

            @Override
            public Optional<Reaction> reaction(UUID postId, MemberId member, ReactionKind kind) {
                return reactions.stream().filter(r -> r.postId().equals(postId) && r.memberId().equals(member.value())
                        && r.kind() == kind).findFirst();
            }

            @Override
            public void persist(Object entity) {
                reactions.add((Reaction) entity);
            }

            @Override
            public void remove(Object entity) {
                reactions.remove(entity);
            }

            @Override
            public void flush() {
            }
        };
        forum.repository = repository;
        forum.communities = new CommunityRepository() {
            @Override
            public Community requireBySlug(String slug) {
                return community;
            }
        };
        forum.access = new ForumAccess() {
            @Override
            public Reader reader(Caller caller, Community where) {
                return new Reader(byAccount.get(caller.account()));
            }

            @Override
            public Reader writer(Caller caller, Community where) {
                return reader(caller, where);
            }

            @Override
            public boolean canRead(Reader reader, ForumThread thread) {
                return true;
            }
        };
        forum.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        forum.events = new RecordingEvent<>(fired);
    }

    private Caller person(String pseudonym) {
        AccountId account = new AccountId(UUID.randomUUID());
        byAccount.put(account, Membership.joined(community.id(), account, Pseudonym.of(pseudonym), Role.MEMBER, NOW));
        return new Caller(account, false);
    }

    private MemberId id(Caller caller) {
        return byAccount.get(caller.account()).id();
    }

    private Post post() {
        Category category = new Category(community.id(), new Category.Details("Everyday", null, 0, null), NOW);
        ForumThread thread = ForumThread.inCategory(category, "Evening walks", id(ada), false, NOW);
        threads.put(thread.id(), thread);
        Post post = new Post(thread, id(ada), thread.nextSeq(NOW), null, PostBody.of("Twenty minutes.", null, new Markdown()),
                false, NOW);
        posts.put(post.id(), post);
        return post;
    }

    @Test
    void aHeartGivenAndTakenBackIsOneEventEachNamingTheHeartsRow() {
        Post post = post();
        forum.react(bo, "town", post.id(), ReactionKind.HEART);
        forum.react(bo, "town", post.id(), ReactionKind.HEART);
        assertEquals(1, fired.size(), "a heart given twice is one heart");
        Reaction row = reactions.get(0);
        assertEquals(new ForumEvent.PostHearted(community.id(), post.threadId(), post.id(), id(bo), row.id(), NOW, true),
                fired.get(0));

        forum.unreact(bo, "town", post.id(), ReactionKind.HEART);
        forum.unreact(bo, "town", post.id(), ReactionKind.HEART);
        assertEquals(List.of(fired.get(0), new ForumEvent.PostHearted(community.id(), post.threadId(), post.id(), id(bo),
                row.id(), NOW, false)), fired, "taken back once: the same row, so the same Like is undone");

        forum.react(bo, "town", post.id(), ReactionKind.HEART);
        ForumEvent.PostHearted again = (ForumEvent.PostHearted) fired.get(2);
        assertNotEquals(row.id(), again.reaction(), "given again, it is a new heart");
    }

    @Test
    void otherReactionsAreNotFederationsBusiness() {
        Post post = post();
        for (ReactionKind kind : ReactionKind.values()) {
            if (kind != ReactionKind.HEART) {
                forum.react(bo, "town", post.id(), kind);
                forum.unreact(bo, "town", post.id(), kind);
            }
        }
        assertEquals(List.of(), fired);
        forum.unreact(ada, "town", post.id(), ReactionKind.HEART);
        assertEquals(List.of(), fired, "nothing taken back, nothing to say");
        assertFalse(reactions.stream().anyMatch(r -> r.kind() == ReactionKind.HEART));
    }
}
