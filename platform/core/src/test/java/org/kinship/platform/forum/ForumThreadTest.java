package org.kinship.platform.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

class ForumThreadTest {
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");
    private final CommunityId community = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private final MemberId author = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private final Category category = new Category(community, new Category.Details("Everyday", null, 0, null), NOW);

    @Test
    void sequenceNumbersCountTheOpeningPostAndRepliesSeparately() {
        ForumThread thread = ForumThread.inCategory(category, "Evening", author, false, NOW);
        assertEquals(0, thread.nextSeq(NOW));
        assertEquals(1, thread.nextSeq(NOW.plusSeconds(60)));
        assertEquals(2, thread.nextSeq(NOW.plusSeconds(120)));
        assertEquals(3, thread.postCount());
        assertEquals(2, thread.replyCount());
        assertEquals(NOW.plusSeconds(120), thread.lastActivityAt());
    }

    @Test
    void aNewcomersFirstCommunityThreadNeedsAWelcomeButACircleNever() {
        assertTrue(ForumThread.inCategory(category, "Hello", author, true, NOW).needsWelcome());
        assertFalse(ForumThread.inCategory(category, "Hello", author, false, NOW).needsWelcome());
        assertFalse(ForumThread.circle(community, "Us", author, NOW).needsWelcome());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "two\nlines"})
    void titlesAreOneNonEmptyLine(String title) {
        KinshipException e = assertThrows(KinshipException.class, () -> ForumThread.inCategory(category, title, author, false, NOW));
        assertEquals(ErrorCode.TITLE_INVALID, e.code());
    }

    @Test
    void titlesAreAtMost150Characters() {
        assertEquals(150, ForumThread.inCategory(category, "t".repeat(150), author, false, NOW).title().length());
        assertEquals(ErrorCode.TITLE_INVALID, assertThrows(KinshipException.class,
                () -> ForumThread.inCategory(category, "t".repeat(151), author, false, NOW)).code());
    }

    @Test
    void aLockedThreadTakesRepliesFromModeratorsOnly() {
        ForumThread thread = ForumThread.inCategory(category, "Heated", author, false, NOW);
        thread.lock();
        assertEquals(ErrorCode.THREAD_LOCKED, assertThrows(KinshipException.class, () -> thread.checkOpenFor(false)).code());
        thread.checkOpenFor(true);
        thread.unlock();
        thread.checkOpenFor(false);
    }

    @Test
    void aThreadMovesOnlyWithinItsCommunity() {
        ForumThread thread = ForumThread.inCategory(category, "Moving", author, false, NOW);
        Category elsewhere = new Category(new CommunityId(UUID.randomUUID()), new Category.Details("Other", null, 0, null), NOW);
        assertEquals(ErrorCode.CATEGORY_NOT_FOUND, assertThrows(KinshipException.class, () -> thread.moveTo(elsewhere)).code());
        Category sibling = new Category(community, new Category.Details("Sibling", null, 1, null), NOW);
        thread.moveTo(sibling);
        assertEquals(sibling.id(), thread.categoryId());
    }

    @Test
    void mentionsAreFoundByPseudonymAfterAnAtSign() {
        assertEquals(Set.of("Bo", "Ada_L"), ForumService.mentions("Thanks @Bo and @Ada_L! mail@example.org is not one."));
        assertEquals(List.of(), List.copyOf(ForumService.mentions("no mentions here")));
        assertEquals(List.of(), List.copyOf(ForumService.mentions(null)));
    }

    @Test
    void moderatorsStartInClosedCategoriesMembersDoNot() {
        Category announcements = new Category(community, new Category.Details("News", null, 0, StartPolicy.MODERATORS), NOW);
        assertFalse(announcements.allowsStartBy(org.kinship.platform.community.Role.MEMBER));
        assertTrue(announcements.allowsStartBy(org.kinship.platform.community.Role.MODERATOR));
        assertTrue(category.allowsStartBy(org.kinship.platform.community.Role.MEMBER));
    }
}
