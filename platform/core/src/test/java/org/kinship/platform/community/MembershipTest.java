package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kinship.platform.community.KinshipAssertions.assertFailsWith;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.error.ErrorCode;

class MembershipTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-02T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T12:30:00Z");
    private static final CommunityId COMMUNITY = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-0000-0000-00000000a001"));

    private static Membership active(Role role) {
        return Membership.joined(COMMUNITY, ACCOUNT, Pseudonym.of("Ada_L"), role, T0);
    }

    private static Membership pending(String note) {
        return Membership.applied(COMMUNITY, ACCOUNT, Pseudonym.of("Ada_L"), note, T0);
    }

    private static Membership left() {
        Membership m = active(Role.MEMBER);
        m.leave();
        return m;
    }

    /** The column the (community, pseudonym_key) unique constraint is on; not exposed by the entity. */
    private static String storedKey(Membership m) throws ReflectiveOperationException {
        Field f = Membership.class.getDeclaredField("pseudonymKey");
        f.setAccessible(true);
        return (String) f.get(m);
    }

    @Test
    void joinedIsActiveAtOnce() {
        Membership m = Membership.joined(COMMUNITY, ACCOUNT, Pseudonym.of("Ada_L"), Role.MODERATOR, T0);

        assertEquals(MembershipStatus.ACTIVE, m.status());
        assertTrue(m.isActive());
        assertEquals(Role.MODERATOR, m.role());
        assertEquals(T0, m.requestedAt());
        assertEquals(T0, m.joinedAt());
        assertNull(m.applicationNote());
        assertEquals(COMMUNITY, m.community());
        assertEquals(ACCOUNT, m.account());
    }

    @Test
    void appliedIsPendingAsAMemberWithItsNote() {
        Membership m = pending("  I was referred by my GP.  ");

        assertEquals(MembershipStatus.PENDING, m.status());
        assertFalse(m.isActive());
        assertEquals(Role.MEMBER, m.role());
        assertNull(m.joinedAt());
        assertEquals(T0, m.requestedAt());
        assertEquals("I was referred by my GP.", m.applicationNote());
    }

    @Test
    void applicationNoteIsBounded() {
        assertNull(pending("   ").applicationNote());
        assertEquals(500, pending("n".repeat(500)).applicationNote().length());
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> pending("n".repeat(501)));
        assertFailsWith(ErrorCode.VALIDATION_FAILED, () -> pending("note\u0000"));
    }

    @Test
    void approveMakesAPendingApplicantActive() {
        Membership m = pending("please");

        m.approve(T1);

        assertEquals(MembershipStatus.ACTIVE, m.status());
        assertTrue(m.isActive());
        assertEquals(T1, m.joinedAt());
        assertEquals(T0, m.requestedAt());
        assertEquals(Role.MEMBER, m.role());
        assertNull(m.applicationNote(), "the note is dropped once it has served its purpose");
    }

    @Test
    void approveRefusesSomeoneNotPending() {
        Membership activeMember = active(Role.MEMBER);
        assertFailsWith(ErrorCode.NOT_PENDING, () -> activeMember.approve(T1));
        assertEquals(T0, activeMember.joinedAt());

        Membership leftMember = left();
        assertFailsWith(ErrorCode.NOT_PENDING, () -> leftMember.approve(T1));
        assertEquals(MembershipStatus.LEFT, leftMember.status());
    }

    @Test
    void leaveEndsMembershipAndDropsTheRole() {
        Membership m = active(Role.MODERATOR);

        m.leave();

        assertEquals(MembershipStatus.LEFT, m.status());
        assertFalse(m.isActive());
        assertEquals(Role.MEMBER, m.role());
    }

    @Test
    void leaveRefusesSomeoneNotActive() {
        Membership m = left();
        assertFailsWith(ErrorCode.NOT_A_MEMBER, m::leave);
        assertFailsWith(ErrorCode.NOT_A_MEMBER, () -> pending(null).leave());
    }

    @Test
    void rejoinWithoutApprovalIsActiveUnderTheNewPseudonym() throws ReflectiveOperationException {
        Membership m = active(Role.ADMIN);
        m.leave();

        m.rejoin(Pseudonym.of("Bjørk"), false, "ignored note", T2);

        assertEquals(MembershipStatus.ACTIVE, m.status());
        assertEquals(Role.MEMBER, m.role());
        assertEquals("Bjørk", m.pseudonym().value());
        assertEquals("bjørk", storedKey(m));
        assertEquals(T2, m.requestedAt());
        assertEquals(T2, m.joinedAt());
        assertNull(m.applicationNote());
    }

    @Test
    void rejoinWithApprovalIsPendingUnderTheNewPseudonym() throws ReflectiveOperationException {
        Membership m = left();

        m.rejoin(Pseudonym.of("Zoë K"), true, " back again ", T2);

        assertEquals(MembershipStatus.PENDING, m.status());
        assertEquals(Role.MEMBER, m.role());
        assertEquals("Zoë K", m.pseudonym().value());
        assertEquals("zoëk", storedKey(m));
        assertEquals(T2, m.requestedAt());
        assertNull(m.joinedAt());
        assertEquals("back again", m.applicationNote());

        m.approve(T2.plusSeconds(60));
        assertEquals(MembershipStatus.ACTIVE, m.status());
    }

    @Test
    void onlySomeoneWhoLeftCanRejoin() {
        Membership m = active(Role.MODERATOR);
        assertThrows(IllegalStateException.class, () -> m.rejoin(Pseudonym.of("Other"), false, null, T2));
        assertEquals("Ada_L", m.pseudonym().value());
        assertEquals(Role.MODERATOR, m.role());
    }

    @Test
    void changeRoleOnAnActiveMember() {
        Membership m = active(Role.MEMBER);

        m.changeRole(Role.MODERATOR);

        assertEquals(Role.MODERATOR, m.role());
    }

    @Test
    void changeRoleRefusesMembersWhoAreNotActive() {
        Membership p = pending(null);
        assertFailsWith(ErrorCode.MEMBER_NOT_FOUND, () -> p.changeRole(Role.MODERATOR));
        assertEquals(Role.MEMBER, p.role());

        Membership l = left();
        assertFailsWith(ErrorCode.MEMBER_NOT_FOUND, () -> l.changeRole(Role.ADMIN));
        assertEquals(Role.MEMBER, l.role());
    }

    @Test
    void pseudonymIsStoredAsTypedWithAConsistentKey() throws ReflectiveOperationException {
        Membership m = Membership.joined(COMMUNITY, ACCOUNT, Pseudonym.of("\uFF21\uFF24\uFF21-L"), Role.MEMBER, T0);

        assertEquals("\uFF21\uFF24\uFF21-L", m.pseudonym().value());
        assertEquals(Pseudonym.of("ada l"), m.pseudonym());
        assertEquals("adal", storedKey(m));
        assertEquals(m.pseudonym().key(), storedKey(m));
    }

    @Test
    void everyMembershipGetsItsOwnMemberId() {
        assertFalse(active(Role.MEMBER).id().equals(active(Role.MEMBER).id()));
    }
}
