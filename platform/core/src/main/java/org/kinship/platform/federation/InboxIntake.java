package org.kinship.platform.federation;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores what the inbox accepts, many requests per transaction. Each accepted activity needs a receipt and a
 * pending row, committed before the peer hears 202; one transaction per request made the commit, not the checks,
 * the inbox's main cost. One writer thread takes whatever requests are waiting and stores them together (plain
 * JDBC batches, one commit); a request waits a millisecond or two for its turn. A batch that fails (two
 * deliveries of one activity racing on the receipt's key) is stored again one by one, so each request learns
 * its own outcome.
 */
@ApplicationScoped
public class InboxIntake {
    private static final Logger LOG = Logger.getLogger(InboxIntake.class.getName());
    static final int BATCH = 128;

    /** One accepted activity to store; {@code stored} completes with false when its receipt existed already. */
    public record Row(String hash, String activityIri, String actorHost, String body, String senderIri, String communityIds,
                      Instant receivedAt, Instant lease, CompletableFuture<Boolean> stored) {
    }

    @Inject
    Receipts receipts;

    private final BlockingQueue<Row> queue = new LinkedBlockingQueue<>(10_000);
    private Thread writer;
    private volatile boolean running;

    /** Started by the web module (see InboxWork#start for why). */
    public synchronized void start(ManagedThreadFactory threads) {
        if (running) {
            return;
        }
        running = true;
        writer = threads.newThread(this::write);
        writer.setName("kinship-inbox-intake");
        writer.start();
    }

    public synchronized void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            writer = null;
        }
    }

    /** Queues the row for the writer; when the writer is not running (or is flooded), stores it here and now. */
    public CompletableFuture<Boolean> store(Row row) {
        if (!running || !queue.offer(row)) {
            storeAlone(row);
        }
        return row.stored();
    }

    private void write() {
        List<Row> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                try {
                    Set<String> fresh = receipts.acceptAll(batch);
                    batch.forEach(r -> r.stored().complete(fresh.contains(r.hash())));
                } catch (Exception failed) {
                    // (Exception: the transaction interceptor rethrows a failed commit's checked RollbackException.)
                    LOG.log(Level.FINE, "An inbox batch failed; storing its rows one by one", failed);
                    batch.forEach(this::storeAlone);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                batch.forEach(this::storeAlone);
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The inbox intake failed on a batch", e);
                batch.forEach(r -> r.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        // Stopping: whoever still waits is stored by its own thread's call, or told the server is going away.
        for (Row r; (r = queue.poll()) != null; ) {
            r.stored().completeExceptionally(new IllegalStateException("The inbox is stopping."));
        }
    }

    private void storeAlone(Row row) {
        if (row.stored().isDone()) {
            return;
        }
        try {
            row.stored().complete(!receipts.acceptAll(List.of(row)).isEmpty());
        } catch (Exception failed) {
            if (receipts.seenHash(row.hash())) {
                row.stored().complete(false); // the other delivery of it won
            } else {
                row.stored().completeExceptionally(failed);
            }
        }
    }
}
