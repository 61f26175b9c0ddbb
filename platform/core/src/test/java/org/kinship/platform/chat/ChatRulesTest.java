package org.kinship.platform.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.account.AccountId;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.DmPreference;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.Pseudonym;
import org.kinship.platform.community.Role;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** Who may read and write where, direct-message preferences, and the room's numbering. */
class ChatRulesTest {
    private static final CommunityId COMMUNITY = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    private static final Instant T0 = Instant.parse("2026-03-01T18:00:00Z");
    private static final MemberId ADA = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final MemberId BO = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final MemberId CAI = new MemberId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));

    private static Room room(RoomKind kind) {
        return Room.named(COMMUNITY, "Evening café", kind, 0, T0);
    }

    private static Optional<RoomMember> in(Room room, MemberId member) {
        return Optional.of(new RoomMember(room.id(), member, T0));
    }

    private static Optional<RoomMember> removed(Room room, MemberId member) {
        RoomMember s = new RoomMember(room.id(), member, T0);
        s.remove();
        return Optional.of(s);
    }

    private static KinshipException fails(ErrorCode code, org.junit.jupiter.api.function.Executable action) {
        KinshipException e = assertThrows(KinshipException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void aPublicRoomIsOpenToEveryMemberUntilTheyAreRemoved() {
        Room room = room(RoomKind.PUBLIC);
        assertTrue(ChatAccess.mayRead(room, ADA, Optional.empty()));
        assertTrue(ChatAccess.mayRead(room, ADA, in(room, ADA)));
        assertFalse(ChatAccess.mayRead(room, ADA, removed(room, ADA)));
    }

    @Test
    void aRestrictedRoomIsForInvitedMembersOnly() {
        Room room = room(RoomKind.RESTRICTED);
        assertFalse(ChatAccess.mayRead(room, ADA, Optional.empty()));
        assertTrue(ChatAccess.mayRead(room, ADA, in(room, ADA)));
        assertFalse(ChatAccess.mayRead(room, ADA, removed(room, ADA)));
    }

    @Test
    void aDirectConversationIsForItsTwoAlone() {
        Room dm = Room.direct(COMMUNITY, ADA, BO, T0);
        assertTrue(ChatAccess.mayRead(dm, ADA, in(dm, ADA)));
        assertTrue(ChatAccess.mayRead(dm, BO, in(dm, BO)));
        assertFalse(ChatAccess.mayRead(dm, CAI, Optional.empty()));
        assertFalse(ChatAccess.mayRead(dm, CAI, in(dm, CAI)), "even a stray row does not let a third person in");
        assertEquals(BO, dm.other(ADA));
        assertEquals(ADA, dm.other(BO));
    }

    @Test
    void theDirectKeyIsTheSameWhoeverOpens() {
        assertEquals(Room.directKey(ADA, BO), Room.directKey(BO, ADA));
        fails(ErrorCode.VALIDATION_FAILED, () -> Room.directKey(ADA, ADA));
    }

    @Test
    void aMuteInTheCommunityOrInTheRoomStopsWriting() {
        Membership ada = Membership.joined(COMMUNITY, new AccountId(UUID.randomUUID()), Pseudonym.of("Ada"), Role.MEMBER, T0);
        Room room = room(RoomKind.PUBLIC);
        assertNull(ChatAccess.writeRefusal(ada, Optional.empty(), T0));
        RoomMember standing = new RoomMember(room.id(), ada.id(), T0);
        standing.mute(T0.plusSeconds(600));
        assertEquals(ErrorCode.MEMBER_MUTED, ChatAccess.writeRefusal(ada, Optional.of(standing), T0.plusSeconds(599)));
        assertNull(ChatAccess.writeRefusal(ada, Optional.of(standing), T0.plusSeconds(600)), "a mute ends by itself");
        ada.mute(T0.plusSeconds(60));
        assertEquals(ErrorCode.MEMBER_MUTED, ChatAccess.writeRefusal(ada, Optional.empty(), T0));
    }

    @Test
    void directMessagePreferences() {
        for (Role sender : Role.values()) {
            assertTrue(DmPreference.ANYONE.allows(sender));
            assertFalse(DmPreference.NOBODY.allows(sender));
        }
        assertFalse(DmPreference.STAFF_ONLY.allows(Role.MEMBER));
        assertTrue(DmPreference.STAFF_ONLY.allows(Role.MODERATOR));
        assertTrue(DmPreference.STAFF_ONLY.allows(Role.ADMIN));
        assertTrue(DmPreference.STAFF_ONLY.allows(Role.PROVIDER));
        assertEquals(DmPreference.STAFF_ONLY, DmPreference.parse("staff_only"));
        fails(ErrorCode.VALIDATION_FAILED, () -> DmPreference.parse("FRIENDS"));
    }

    @Test
    void whoStartedTalkingMayBeAnswered() {
        assertFalse(ChatService.mayWriteDirect(DmPreference.NOBODY, Role.MEMBER, false));
        assertTrue(ChatService.mayWriteDirect(DmPreference.NOBODY, Role.MEMBER, true),
                "someone who wrote first may be answered, whatever their preference");
        assertTrue(ChatService.mayWriteDirect(DmPreference.STAFF_ONLY, Role.PROVIDER, false));
    }

    @Test
    void sequenceNumbersStartAtOneAndNeverRepeat() {
        Room room = room(RoomKind.PUBLIC);
        assertEquals(0, room.lastSeq());
        assertEquals(1, room.allocateSeq());
        assertEquals(2, room.allocateSeq());
        assertEquals(2, room.lastSeq());
    }

    @Test
    void slowModeIsBounded() {
        Room room = room(RoomKind.PUBLIC);
        room.slowMode(30);
        assertEquals(30, room.slowModeSeconds());
        fails(ErrorCode.VALIDATION_FAILED, () -> room.slowMode(-1));
        fails(ErrorCode.VALIDATION_FAILED, () -> room.slowMode(Room.MAX_SLOW_MODE_SECONDS + 1));
        fails(ErrorCode.VALIDATION_FAILED, () -> Room.named(COMMUNITY, "  ", RoomKind.PUBLIC, 0, T0));
        fails(ErrorCode.VALIDATION_FAILED, () -> Room.named(COMMUNITY, "Direct", RoomKind.DIRECT, 0, T0));
    }

    @Test
    void onlyTheAuthorEditsAndADeletedMessageIsATombstone() {
        Room room = room(RoomKind.PUBLIC);
        ChatBody body = new ChatBody("hello", "<p>hello</p>", "hello");
        ChatMessage m = new ChatMessage(room, room.allocateSeq(), ADA, "c-1", body, false, T0);
        fails(ErrorCode.NOT_AUTHOR, () -> m.edit(BO, body, false, T0));
        fails(ErrorCode.NOT_AUTHOR, () -> m.deleteByAuthor(BO, T0));
        m.edit(ADA, new ChatBody("hello again", "<p>hello again</p>", "hello again"), false, T0.plusSeconds(5));
        assertEquals("hello again", m.bodyText());
        m.deleteByAuthor(ADA, T0.plusSeconds(10));
        assertTrue(m.isDeleted());
        assertNull(m.bodySource());
        assertNull(m.bodyText());
        assertEquals(1, m.seq(), "a tombstone keeps its place");
        fails(ErrorCode.MESSAGE_DELETED, () -> m.edit(ADA, body, false, T0));
        fails(ErrorCode.MESSAGE_DELETED, () -> m.deleteByModerator(T0));
    }

    @Test
    void clientIdsAreShortPrintableAscii() {
        assertEquals("a-1_B", ChatMessage.checkedClientId("a-1_B"));
        fails(ErrorCode.VALIDATION_FAILED, () -> ChatMessage.checkedClientId(null));
        fails(ErrorCode.VALIDATION_FAILED, () -> ChatMessage.checkedClientId(""));
        fails(ErrorCode.VALIDATION_FAILED, () -> ChatMessage.checkedClientId("with space"));
        fails(ErrorCode.VALIDATION_FAILED, () -> ChatMessage.checkedClientId("x".repeat(65)));
    }

    @Test
    void readMarkersOnlyMoveForwardAndNotPastTheEnd() {
        Room room = room(RoomKind.PUBLIC);
        RoomMember s = new RoomMember(room.id(), ADA, T0);
        s.readUpTo(5, 10);
        s.readUpTo(3, 10);
        assertEquals(5, s.lastReadSeq());
        s.readUpTo(99, 10);
        assertEquals(10, s.lastReadSeq());
    }

    @Test
    void anOversizedBodyIsRefusedBeforeRendering() {
        fails(ErrorCode.MESSAGE_TOO_LARGE, () -> ChatBody.of("x".repeat(ChatBody.MAX_LENGTH + 1), null));
        fails(ErrorCode.BODY_INVALID, () -> ChatBody.of("   ", null));
    }
}
