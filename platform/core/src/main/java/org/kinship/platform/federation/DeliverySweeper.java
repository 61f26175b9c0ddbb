package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
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

    private ScheduledFuture<?> schedule;

    /** Started by the web module with its scheduler, whose tasks carry the naming context re-queueing needs (see InboxWork). */
    public synchronized void start(ManagedScheduledExecutorService executor) {
        if (schedule != null) {
            return;
        }
        schedule = executor.scheduleWithFixedDelay(this::run, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void run() {
        try {
            int requeued = records.requeueOverdue();
            if (requeued > 0) {
                LOG.info(() -> requeued + " overdue federation deliveries were queued again");
            }
        } catch (RuntimeException e) {
            // Logged, never thrown: an exception would end the schedule for good.
            LOG.log(Level.WARNING, "The federation delivery sweep failed; the next one tries again", e);
        }
    }
}
