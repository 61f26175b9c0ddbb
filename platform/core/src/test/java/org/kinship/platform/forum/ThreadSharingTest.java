package org.kinship.platform.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.community.Role;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** The author's consent to share a thread beyond the community, and a moderator's request for it. */
class ThreadSharingTest {
    private static final Instant NOW = Instant.parse("2026-03-01T18:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private final CommunityId community = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));
    private final Category category = new Category(community, new Category.Details("Everyday", null, 0, null), NOW);
    private final Membership author = member("Ada", Role.MEMBER);
    private final Membership other = member("Bo", Role.MEMBER);
    private final Membership moderator = member("Mona", Role.MODERATOR);
    private final Membership admin = member("Host", Role.ADMIN);
    private final Membership provider = member("Pia", Role.PROVIDER);

    private Membership member(String pseudonym, Role role) {
        return Membership.joined(community, new AccountId(UUID.randomUUID()), Pseudonym.of(pseudonym), role, NOW);
    }

    private ForumThread thread() {
        return ForumThread.inCategory(category, "Evening walks", author.id(), false, NOW);
    }

    private static void assertRefused(ErrorCode expected, Executable action) {
        KinshipException e = assertThrows(KinshipException.class, action);
        assertEquals(expected, e.code(), () -> "wrong code; message was: " + e.getMessage());
    }

    @Test
    void aNewThreadIsNotSharedNorAskedAbout() {
        ForumThread thread = thread();
        assertFalse(thread.isShared());
        assertNull(thread.sharedAt());
        assertFalse(thread.shareRequested());
        assertNull(thread.shareRequestedBy());
    }

    @Test
    void theAuthorSharesAndStopsSharingAtAnyTime() {
        ForumThread thread = thread();
        assertTrue(thread.share(author.id(), NOW));
        assertTrue(thread.isShared());
        assertEquals(NOW, thread.sharedAt());
        assertFalse(thread.share(author.id(), LATER), "sharing again changes nothing");
        assertEquals(NOW, thread.sharedAt(), "consent keeps the moment it was first given");

        assertTrue(thread.unshare(author.id()));
        assertFalse(thread.isShared());
        assertNull(thread.sharedAt());
        assertFalse(thread.unshare(author.id()), "un-sharing again changes nothing");

        assertTrue(thread.share(author.id(), LATER), "and may share once more");
        assertEquals(LATER, thread.sharedAt());
    }

    @Test
    void nobodyButTheAuthorSharesOrStopsSharingModeratorsAndAdminsIncluded() {
        ForumThread thread = thread();
        for (Membership someone : new Membership[] {other, moderator, admin, provider}) {
            assertRefused(ErrorCode.NOT_AUTHOR, () -> thread.share(someone.id(), NOW));
        }
        assertFalse(thread.isShared());
        thread.share(author.id(), NOW);
        for (Membership someone : new Membership[] {other, moderator, admin, provider}) {
            assertRefused(ErrorCode.NOT_AUTHOR, () -> thread.unshare(someone.id()));
        }
        assertTrue(thread.isShared(), "a refusal changes nothing");
    }

    @Test
    void aClosedCircleIsNeverSharedNorAskedAbout() {
        ForumThread circle = ForumThread.circle(community, "Just us", author.id(), NOW);
        assertRefused(ErrorCode.THREAD_NOT_SHAREABLE, () -> circle.share(author.id(), NOW));
        assertRefused(ErrorCode.THREAD_NOT_SHAREABLE, () -> circle.unshare(author.id()));
        assertRefused(ErrorCode.THREAD_NOT_SHAREABLE, () -> circle.requestSharing(moderator, author, NOW));
        assertFalse(circle.isShared());
        assertFalse(circle.shareRequested());
    }

    @Test
    void aHiddenThreadIsNotSharedButItsAuthorMayStillStopSharing() {
        ForumThread thread = thread();
        thread.share(author.id(), NOW);
        thread.hide();
        assertTrue(thread.unshare(author.id()));
        assertRefused(ErrorCode.THREAD_NOT_SHAREABLE, () -> thread.share(author.id(), LATER));
        assertRefused(ErrorCode.THREAD_NOT_SHAREABLE, () -> thread.requestSharing(moderator, author, LATER));
        assertFalse(thread.isShared());
        thread.restore();
        assertTrue(thread.share(author.id(), LATER));
    }

    @Test
    void aModeratorsRequestSharesNothingUntilTheAuthorAccepts() {
        ForumThread thread = thread();
        assertTrue(thread.requestSharing(moderator, author, NOW));
        assertTrue(thread.shareRequested());
        assertEquals(moderator.id(), thread.shareRequestedBy());
        assertEquals(NOW, thread.shareRequestedAt());
        assertFalse(thread.isShared(), "asking is not consent");
        assertFalse(thread.requestSharing(admin, author, LATER), "a pending request is not made twice");
        assertEquals(moderator.id(), thread.shareRequestedBy());

        assertTrue(thread.share(author.id(), LATER));
        assertTrue(thread.isShared());
        assertFalse(thread.shareRequested(), "accepting answers the request");
        assertRefused(ErrorCode.THREAD_ALREADY_SHARED, () -> thread.requestSharing(admin, author, LATER));
    }

    @Test
    void theAuthorDeclinesAndTheThreadStaysHome() {
        ForumThread thread = thread();
        thread.requestSharing(admin, author, NOW);
        assertRefused(ErrorCode.NOT_AUTHOR, () -> thread.declineShareRequest(moderator.id()));
        assertRefused(ErrorCode.NOT_AUTHOR, () -> thread.declineShareRequest(other.id()));
        assertTrue(thread.shareRequested(), "only the author answers");
        thread.declineShareRequest(author.id());
        assertFalse(thread.shareRequested());
        assertNull(thread.shareRequestedBy());
        assertFalse(thread.isShared());
        assertRefused(ErrorCode.SHARE_NOT_REQUESTED, () -> thread.declineShareRequest(author.id()));
        assertTrue(thread.requestSharing(moderator, author, LATER), "a moderator may ask again later");
    }

    @Test
    void onlyModeratorsAndAdminsAsk() {
        ForumThread thread = thread();
        assertRefused(ErrorCode.FORBIDDEN, () -> thread.requestSharing(other, author, NOW));
        assertRefused(ErrorCode.FORBIDDEN, () -> thread.requestSharing(provider, author, NOW));
        assertRefused(ErrorCode.FORBIDDEN, () -> thread.requestSharing(author, author, NOW));
        assertFalse(thread.shareRequested());
    }

    @Test
    void anAuthorWhoLeftCannotBeAsked() {
        ForumThread thread = thread();
        author.leave();
        assertRefused(ErrorCode.AUTHOR_GONE, () -> thread.requestSharing(moderator, author, NOW));
        assertFalse(thread.shareRequested());
    }

    @Test
    void aBannedAuthorCannotBeAskedEither() {
        ForumThread thread = thread();
        author.ban();
        assertRefused(ErrorCode.AUTHOR_GONE, () -> thread.requestSharing(moderator, author, NOW));
    }

    @Test
    void theRequestMustComeFromThisCommunityAndNameTheRealAuthor() {
        ForumThread thread = thread();
        Membership elsewhere = Membership.joined(new CommunityId(UUID.randomUUID()), new AccountId(UUID.randomUUID()),
                Pseudonym.of("Far"), Role.ADMIN, NOW);
        assertThrows(IllegalArgumentException.class, () -> thread.requestSharing(elsewhere, author, NOW));
        assertThrows(IllegalArgumentException.class, () -> thread.requestSharing(moderator, other, NOW));
        assertFalse(thread.shareRequested());
    }

    @Test
    void aPendingRequestIsToldToTheAuthorAndModeratorsOnly() {
        ForumThread thread = thread();
        thread.requestSharing(moderator, author, NOW);
        assertTrue(ForumService.seesShareRequest(new ForumAccess.Reader(author), thread));
        assertTrue(ForumService.seesShareRequest(new ForumAccess.Reader(moderator), thread));
        assertTrue(ForumService.seesShareRequest(new ForumAccess.Reader(admin), thread));
        assertFalse(ForumService.seesShareRequest(new ForumAccess.Reader(other), thread));
        assertFalse(ForumService.seesShareRequest(new ForumAccess.Reader(provider), thread));
        thread.declineShareRequest(author.id());
        assertFalse(ForumService.seesShareRequest(new ForumAccess.Reader(author), thread));
    }
}
