package org.kinship.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kinship.platform.federation.Inbox;

/** What both inbox doors (InboxDoor and the servlet) agree on: which paths are inboxes, and how a refusal reads. */
class InboxPostsTest {
    @Test
    void inboxesAreTheSharedOneTheInstancesAndEachActorsOwn() {
        assertEquals(new Inbox.SharedInbox(), InboxPosts.address("/ap/inbox"));
        assertEquals(new Inbox.SharedInbox(), InboxPosts.address("/ap/actor/inbox"));
        assertEquals(new Inbox.GroupInbox("walks"), InboxPosts.address("/ap/communities/walks/inbox"));
        UUID member = UUID.randomUUID();
        assertEquals(new Inbox.MemberInbox(member), InboxPosts.address("/ap/members/" + member + "/inbox"));
    }

    @Test
    void everythingElseIsNoInbox() {
        assertNull(InboxPosts.address("/ap/members/not-a-uuid/inbox"));
        assertNull(InboxPosts.address("/ap/communities/walks"));
        assertNull(InboxPosts.address("/ap/communities/walks/outbox"));
        assertNull(InboxPosts.address("/ap/threads/" + UUID.randomUUID() + "/inbox"));
        assertNull(InboxPosts.address("/api/communities/walks/inbox"));
        assertNull(InboxPosts.address("/ap/inbox/more"));
    }

    @Test
    void refusalsHaveTheApisErrorShapeAndNotNowSaysWhenToComeBack() {
        JsonObject error = Json.createReader(new ByteArrayInputStream(InboxPosts.errorJson("too_large", "Too \"big\"."))).readObject();
        assertEquals("too_large", error.getString("error"));
        assertEquals("Too \"big\".", error.getString("message"));
        assertEquals(413, Inbox.Outcome.tooLarge().status());
        assertTrue(InboxPosts.saysRetryLater(InboxPosts.busy()));
        assertTrue(InboxPosts.saysRetryLater(new Inbox.Outcome(429, "rate_limited", "Later.")));
        assertFalse(InboxPosts.saysRetryLater(new Inbox.Outcome(401, "signature_missing", "Sign it.")));
    }
}
