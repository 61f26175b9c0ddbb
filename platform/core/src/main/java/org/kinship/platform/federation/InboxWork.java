package org.kinship.platform.federation;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.error.KinshipException;

/**
 * Applies what the inbox accepted. The inbox only verifies and stores (a receipt and a pending row, one short
 * transaction), so a burst from a busy peer is taken at the speed of those checks; the effects (posts, follows,
 * announces) are applied here, by a few worker threads, many activities per transaction. One actor's activities
 * always go to the same worker, in the order they were accepted, so a Delete never overtakes its Create.
 *
 * <p>The pending rows are the truth; the in-memory queues only save reading them back. What a queue did not
 * hold (it was full, the node restarted, a cluster node died) is found by the sweep once the accepting node's
 * lease has run out, and applied from the stored body.
 */
@ApplicationScoped
public class InboxWork {
    private static final Logger LOG = Logger.getLogger(InboxWork.class.getName());
    /** Activities per transaction: enough to share a commit among many, few enough that a failure redoes little. */
    static final int BATCH = Integer.getInteger("kinship.federation.inbox.batch", 32);
    static final int WORKERS = Integer.getInteger("kinship.federation.inbox.workers", 2);
    static final int QUEUE_CAPACITY = Integer.getInteger("kinship.federation.inbox.queue", 20_000);
    /** Failed applications (the object's server did not answer, …) are retried 30 s doubling, this many times in all. */
    static final int MAX_ATTEMPTS = 8;
    static final long SWEEP_SECONDS = 30;
    /**
     * While this many requests are being checked and stored, the workers make way: a peer waits on an open
     * connection, a stored activity waits in the database. Each worker still applies a batch at least every
     * {@link #MAX_DEFER_MILLIS}, so a backlog drains even under a flood. At 50 activities/s (the lag benchmark)
     * two requests at once are rare, and nothing waits.
     */
    static final int MAKE_WAY_AT = Integer.getInteger("kinship.federation.inbox.make-way-at", 2);
    static final long MAX_DEFER_MILLIS = Long.getLong("kinship.federation.inbox.max-defer-millis", 1_000);

    /**
     * An accepted activity on its way to be applied. {@code answer} is completed exactly once: by the worker with
     * the outcome, or by the inbox with a plain 202 when it does not wait; whoever completes it first has told the
     * peer, which decides who owns a failure (the peer retries, or we do).
     */
    public record Item(String hash, Incoming activity, JsonObject raw, RemoteActor sender, List<Community> communities,
                       CompletableFuture<Inbox.Outcome> answer) {
    }

    @Inject
    Receipts receipts;

    @Inject
    Readers readers;

    @Inject
    RemoteActors remoteActors;

    @Inject
    CommunityRepository communities;

    private final java.util.concurrent.atomic.AtomicInteger answering = new java.util.concurrent.atomic.AtomicInteger();
    private final List<BlockingQueue<Item>> queues = new ArrayList<>();
    /** Hashes queued or being applied on this node: the sweep leaves them alone. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledFuture<?> sweep;
    private volatile boolean running;

    /**
     * Started by the web module with its own thread factory and scheduler: their threads then carry that module's
     * naming context, which applying needs (the queue's injected JMSContext looks up {@code java:comp}); threads
     * of a library bean's own factory have none.
     */
    public synchronized void start(ManagedThreadFactory threads, ManagedScheduledExecutorService scheduler) {
        if (running) {
            return;
        }
        // A start after a stop (the web module redeployed alone) begins afresh: the old queues' items are still pending
        // in the database, and the sweep takes them up.
        queues.clear();
        inFlight.clear();
        running = true;
        for (int i = 0; i < WORKERS; i++) {
            BlockingQueue<Item> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
            queues.add(queue);
            Thread worker = threads.newThread(() -> work(queue));
            worker.setName("kinship-inbox-" + i);
            workers.add(worker);
            worker.start();
        }
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, 10, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        running = false;
        if (sweep != null) {
            sweep.cancel(false);
        }
        workers.forEach(Thread::interrupt);
        workers.clear();
        // Whatever was queued stays pending in the database and is swept after the restart.
    }

    /** A request in the inbox's checks; closing it (once is enough, more is harmless) says the request is past them. */
    public final class Answering implements AutoCloseable {
        private boolean closed;

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                answering.decrementAndGet();
            }
        }
    }

    public Answering answering() {
        answering.incrementAndGet();
        return new Answering();
    }

    /** Activities queued or being applied on this node. */
    public int backlog() {
        return inFlight.size();
    }

    /** @return false when the queue is full or stopped; the pending row then waits for the sweep */
    public boolean submit(Item item) {
        if (!running || queues.isEmpty()) {
            return false;
        }
        BlockingQueue<Item> queue = queues.get(Math.floorMod(item.sender().iri().hashCode(), queues.size()));
        inFlight.add(item.hash());
        if (!queue.offer(item)) {
            inFlight.remove(item.hash());
            return false;
        }
        return true;
    }

    private void work(BlockingQueue<Item> queue) {
        List<Item> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Item first = queue.take();
                batch.add(first);
                if (first.answer().isDone()) {
                    makeWay(); // (a peer waiting for this one's effect is not kept waiting)
                }
                queue.drainTo(batch, BATCH - 1);
                apply(batch);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never ends the worker: what it held stays pending and is swept.
                LOG.log(Level.WARNING, "The inbox worker failed on a batch; its activities are retried", e);
            } finally {
                batch.forEach(i -> inFlight.remove(i.hash()));
                batch.clear();
            }
        }
    }

    private void makeWay() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_DEFER_MILLIS);
        while (running && answering.get() >= MAKE_WAY_AT && System.nanoTime() - until < 0) {
            Thread.sleep(2);
        }
    }

    void apply(List<Item> batch) {
        try {
            boolean[] applied = receipts.apply(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(applied[i] ? Inbox.Outcome.accepted() : Inbox.Outcome.duplicate());
            }
            return;
        } catch (Exception failed) {
            // (Exception: the transaction interceptor rethrows a failed commit's checked RollbackException as it is.)
            if (batch.size() == 1) {
                failed(batch.get(0), failed);
                return;
            }
        }
        // One of them failed and took the others' transaction with it: each alone, to find it.
        for (Item item : batch) {
            try {
                boolean applied = receipts.applyAlone(item);
                item.answer().complete(applied ? Inbox.Outcome.accepted() : Inbox.Outcome.duplicate());
            } catch (Exception failed) {
                failed(item, failed);
            }
        }
    }

    /**
     * A refusal (the activity breaks a rule: a reply to an unshared thread, an edit by someone else) is final:
     * nothing is kept, and a peer still waiting is told why. Anything else may pass: a peer still waiting is
     * told 422 and retries itself; otherwise we retry.
     */
    private void failed(Item item, Exception e) {
        Optional<KinshipException> refusal = refusalIn(e);
        try {
            if (refusal.isPresent() && refusal.get().code().httpStatus() < 500) {
                KinshipException r = refusal.get();
                boolean told = item.answer().complete(Inbox.Outcome.refused(r.code().httpStatus(), r.code().wireName(), r.getMessage()));
                receipts.forget(item.hash());
                if (!told) {
                    LOG.info(() -> "Accepted activity " + item.activity().id().orElse(null) + " was refused when applied: " + r.getMessage());
                }
                return;
            }
            LOG.log(Level.WARNING, "Applying " + item.activity().id().orElse(null) + " failed", e);
            if (item.answer().complete(Inbox.Outcome.refused(422, "unprocessable", "The activity could not be processed."))) {
                receipts.forget(item.hash());
            } else if (!receipts.postpone(item.hash(), String.valueOf(e), MAX_ATTEMPTS)) {
                LOG.warning(() -> "Gave up applying " + item.activity().id().orElse(null) + ": " + e);
            }
        } catch (Exception bookkeeping) {
            // The pending row is still there: the sweep tries again.
            LOG.log(Level.WARNING, "Could not record the failure of an inbox activity", bookkeeping);
        }
    }

    private static Optional<KinshipException> refusalIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof KinshipException k) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Pending rows past their lease or retry time: read back from the stored body and queued. */
    private void sweep() {
        try {
            for (InboxPending pending : receipts.due(500)) {
                if (!running || inFlight.contains(pending.activityHash()) || !receipts.claim(pending)) {
                    continue;
                }
                Optional<Item> item = restore(pending);
                if (item.isPresent() && !submit(item.get())) {
                    return; // queues full: the lease runs out again and a later sweep takes it
                }
            }
        } catch (Exception e) {
            // Logged, never thrown: an exception would end the schedule for good.
            LOG.log(Level.WARNING, "The inbox sweep failed; the next one tries again", e);
        }
    }

    private Optional<Item> restore(InboxPending pending) {
        byte[] body = pending.body().getBytes(StandardCharsets.UTF_8);
        ReadResult<Incoming> read = readers.reader().readActivity(body);
        if (!(read instanceof ReadResult.Read<Incoming> ok)) {
            receipts.forget(pending.activityHash()); // it was read when accepted; a reader change must not loop on it
            return Optional.empty();
        }
        try {
            RemoteActor sender = remoteActors.resolve(java.net.URI.create(pending.senderIri()));
            List<Community> found = pending.communities().stream().map(communities::find).flatMap(Optional::stream).toList();
            // The peer had its 202 long ago: the answer is settled, and a failure is ours to retry.
            return Optional.of(new Item(pending.activityHash(), ok.value(), Inbox.rawJson(body), sender, found,
                    CompletableFuture.completedFuture(Inbox.Outcome.accepted())));
        } catch (Exception unavailable) {
            receipts.postpone(pending.activityHash(), String.valueOf(unavailable), MAX_ATTEMPTS);
            return Optional.empty();
        }
    }
}
