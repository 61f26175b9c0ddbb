package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The outbox's safety net. A delivery's queue message can be lost where the outbox row cannot: a consumer
 * that failed ten times in a row (the broker then moves the message to its dead-letter queue), a broker journal
 * that was wiped. Every five minutes, deliveries still waiting well past their time are put on the queue again;
 * one that is in flight meanwhile is harmless (an attempt reads the row first, and inboxes are idempotent).
 */
@ApplicationScoped
public class DeliverySweeper {
    private static final Logger LOG = Logger.getLogger(DeliverySweeper.class.getName());
    static final long INTERVAL_SECONDS = 300;

    @Inject
    DeliveryRecords records;

    private final Repeating schedule = new Repeating(LOG, "The federation delivery sweep", this::run);

    /** Started by the web module with its scheduler, whose tasks carry the naming context re-queueing needs (see InboxWork). */
    public void start(ManagedScheduledExecutorService executor) {
        schedule.start(executor, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    public void stop() {
        schedule.stop();
    }

    private void run() {
        int requeued = records.requeueOverdue();
        if (requeued > 0) {
            LOG.info(() -> requeued + " overdue federation deliveries were queued again");
        }
    }
}
