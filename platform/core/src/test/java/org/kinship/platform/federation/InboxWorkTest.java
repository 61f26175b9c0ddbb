package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.kinship.federation.jsonld.ActivityType;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Who owns a failure once an activity is stored: the peer, while it still waits for its answer (it is told, and
 * the activity forgotten so that its retry is taken afresh), or the server, once the peer had its 202 (a refusal
 * is dropped, anything else tried again later). Receipts here is a recording stand-in for the database side.
 */
class InboxWorkTest {
    /** Records what the worker asks of the store; each apply fails as {@code failure} says. */
    static final class RecordingReceipts extends Receipts {
        RuntimeException failure;
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean[] apply(List<InboxWork.Item> items) {
            calls.add("apply " + items.size());
            if (failure != null) {
                throw failure;
            }
            boolean[] all = new boolean[items.size()];
            java.util.Arrays.fill(all, true);
            return all;
        }

        @Override
        public boolean applyAlone(InboxWork.Item item) {
            calls.add("alone " + item.hash());
            if (failure != null && item.hash().startsWith("bad")) {
                throw failure;
            }
            return true;
        }

        @Override
        public void forget(String hash) {
            calls.add("forget " + hash);
        }

        @Override
        public boolean postpone(String hash, String error, int maxAttempts) {
            calls.add("postpone " + hash);
            return true;
        }
    }

    private final RecordingReceipts receipts = new RecordingReceipts();
    private final InboxWork work = new InboxWork();

    InboxWorkTest() {
        work.receipts = receipts;
    }

    private static InboxWork.Item item(String hash, boolean peerWaits) {
        URI actor = URI.create("https://peer.example/users/ann");
        Incoming activity = new Incoming(Optional.of(URI.create("https://peer.example/a/" + hash)), ActivityType.CREATE,
                List.of(), Optional.of(actor), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
        CompletableFuture<Inbox.Outcome> answer = peerWaits ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(Inbox.Outcome.accepted());
        return new InboxWork.Item(hash, activity, null, new RemoteActor(actor, Instant.EPOCH), List.of(), answer);
    }

    @Test
    void aBatchThatAppliesAnswersEveryWaitingPeer() {
        InboxWork.Item a = item("a", true);
        InboxWork.Item b = item("b", true);
        work.apply(List.of(a, b));
        assertEquals(202, a.answer().join().status());
        assertEquals("accepted", b.answer().join().code());
        assertEquals(List.of("apply 2"), receipts.calls, "one transaction for the batch");
    }

    @Test
    void aRefusalReachesTheWaitingPeerAndNothingIsKept() {
        receipts.failure = new KinshipException(ErrorCode.FORBIDDEN, "That thread is not shared beyond its community.");
        InboxWork.Item good = item("good", true);
        InboxWork.Item bad = item("bad", true);
        work.apply(List.of(good, bad));
        assertEquals(202, good.answer().join().status(), "the others of the batch are applied one by one");
        Inbox.Outcome refused = bad.answer().join();
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.code());
        assertTrue(receipts.calls.contains("forget bad"), receipts.calls::toString);
        assertFalse(receipts.calls.contains("postpone bad"));
    }

    @Test
    void aRefusalAfterThe202IsDroppedNotRetried() {
        receipts.failure = new KinshipException(ErrorCode.FORBIDDEN, "Only the author can edit.");
        InboxWork.Item bad = item("bad", false);
        work.apply(List.of(bad));
        assertEquals(List.of("apply 1", "forget bad"), receipts.calls);
    }

    @Test
    void anUnexpectedFailureIsTheWaitingPeersToRetry() {
        receipts.failure = new IllegalStateException("connection reset");
        InboxWork.Item bad = item("bad", true);
        work.apply(List.of(bad));
        assertEquals(422, bad.answer().join().status());
        assertEquals(List.of("apply 1", "forget bad"), receipts.calls);
    }

    @Test
    void anUnexpectedFailureAfterThe202IsOursToRetry() {
        receipts.failure = new IllegalStateException("connection reset");
        InboxWork.Item bad = item("bad", false);
        work.apply(List.of(bad));
        assertEquals(List.of("apply 1", "postpone bad"), receipts.calls);
        assertEquals(202, bad.answer().join().status(), "the peer keeps the answer it had");
    }
}
