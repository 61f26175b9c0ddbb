package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinship.platform.error.ErrorCode;

class InvitationTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final CommunityId COMMUNITY = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private static final MemberId MODERATOR = new MemberId(UUID.fromString("00000000-0000-0000-0000-00000000b001"));
    private static final Duration WEEK = Duration.ofDays(7);

    private static Invitation.Issued issue(Duration validity, int maxUses) {
        return Invitation.issue(COMMUNITY, Role.MEMBER, MODERATOR, NOW, validity, maxUses);
    }

    private static Invitation fresh() {
        return issue(WEEK, 5).invitation();
    }

    private static List<Object> instanceFieldValues(Invitation invitation) throws IllegalAccessException {
        List<Object> values = new ArrayList<>();
        for (Field f : Invitation.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                values.add(f.get(invitation));
            }
        }
        return values;
    }

    @Test
    void issueReturnsAnUrlSafeTokenOfAtLeast32Characters() {
        String token = issue(WEEK, 1).token();

        assertTrue(token.length() >= 32, token);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void hashIsLowerCaseHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Invitation.hash("abc"));
        String token = issue(WEEK, 1).token();
        String hash = Invitation.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertNotEquals(token, hash);
        assertEquals(hash, Invitation.hash(token), "the hash is deterministic so a link can be looked up");
    }

    @Test
    void onlyTheHashOfTheTokenIsKept() throws IllegalAccessException {
        Invitation.Issued issued = issue(WEEK, 1);
        List<Object> stored = instanceFieldValues(issued.invitation());

        assertFalse(stored.contains(issued.token()), "the token itself must not be stored");
        assertTrue(stored.contains(Invitation.hash(issued.token())), "the SHA-256 hash of the token is stored");
    }

    @Test
    void everyIssueHasItsOwnTokenAndId() {
        Invitation.Issued a = issue(WEEK, 1);
        Invitation.Issued b = issue(WEEK, 1);

        assertNotEquals(a.token(), b.token());
        assertNotEquals(Invitation.hash(a.token()), Invitation.hash(b.token()));
        assertNotEquals(a.invitation().id(), b.invitation().id());
    }

    @Test
    void newInvitationRecordsItsTermsAndIsUnused() {
        Invitation i = issue(Duration.ofDays(14), 3).invitation();

        assertEquals(COMMUNITY, i.community());
        assertEquals(NOW, i.createdAt());
        assertEquals(NOW.plus(Duration.ofDays(14)), i.expiresAt());
        assertEquals(3, i.maxUses());
        assertEquals(0, i.uses());
        assertFalse(i.revoked());
    }

    @Test
    void refusesValidityOfZeroNegativeOrMoreThanNinetyDays() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(Duration.ZERO, 1));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(Duration.ofHours(-1), 1));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(Duration.ofDays(90).plusSeconds(1), 1));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(Duration.ofDays(91), 1));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(null, 1));
    }

    @Test
    void acceptsValidityUpToNinetyDays() {
        assertEquals(NOW.plus(Duration.ofDays(90)), issue(Duration.ofDays(90), 1).invitation().expiresAt());
        assertEquals(NOW.plus(Duration.ofHours(1)), issue(Duration.ofHours(1), 1).invitation().expiresAt());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusesMaxUsesOutsideOneToAThousand(int maxUses) {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(WEEK, maxUses));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void acceptsMaxUsesAtTheBounds(int maxUses) {
        assertEquals(maxUses, issue(WEEK, maxUses).invitation().maxUses());
    }

    @Test
    void freshInvitationIsUsableUntilJustBeforeExpiry() {
        Invitation i = fresh();

        assertDoesNotThrow(() -> i.checkUsable(NOW));
        assertDoesNotThrow(() -> i.checkUsable(NOW.plus(WEEK).minusNanos(1)));
    }

    @Test
    void expiresExactlyAtExpiresAtAndStaysExpired() {
        Invitation i = fresh();

        assertFailsWith(ErrorCode.INVITATION_EXPIRED, () -> i.checkUsable(i.expiresAt()));
        assertFailsWith(ErrorCode.INVITATION_EXPIRED, () -> i.checkUsable(i.expiresAt().plusSeconds(1)));
        assertFailsWith(ErrorCode.INVITATION_EXPIRED, () -> i.checkUsable(NOW.plus(Duration.ofDays(365))));
    }

    @Test
    void revokedInvitationIsUnusable() {
        Invitation i = fresh();

        i.revoke(NOW.plusSeconds(60));

        assertTrue(i.revoked());
        assertFailsWith(ErrorCode.INVITATION_REVOKED, () -> i.checkUsable(NOW.plusSeconds(120)));
    }

    @Test
    void revokedWinsOverExpired() {
        Invitation i = fresh();
        i.revoke(NOW.plusSeconds(60));

        assertFailsWith(ErrorCode.INVITATION_REVOKED, () -> i.checkUsable(i.expiresAt().plusSeconds(1)));
    }

    @Test
    void revokingTwiceKeepsItRevoked() {
        Invitation i = fresh();
        i.revoke(NOW.plusSeconds(60));
        i.revoke(NOW.plusSeconds(120));

        assertTrue(i.revoked());
        assertFailsWith(ErrorCode.INVITATION_REVOKED, () -> i.checkUsable(NOW.plusSeconds(180)));
    }

    @Test
    void grantsTheRoleItWasIssuedFor() {
        assertEquals(Role.ADMIN, Invitation.issue(COMMUNITY, Role.ADMIN, null, NOW, WEEK, 1).invitation().grantsRole());
        assertEquals(Role.MEMBER, issue(WEEK, 1).invitation().grantsRole());
    }

    @Test
    void refusesValidityUnderOneHourAsItsMessageSays() {
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> issue(Duration.ofMinutes(1), 1));
    }
}
