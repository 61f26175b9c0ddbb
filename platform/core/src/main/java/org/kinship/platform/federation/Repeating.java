package org.kinship.platform.federation;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Federation's background task on a schedule: started by the web module with its scheduler (whose tasks carry
 * the naming context sending on the delivery queue needs; see InboxWork), started once, stopped with the module.
 * A run that throws is logged and the next run comes as planned: an exception would end the schedule for good.
 */
final class Repeating {
    private final Logger log;
    private final String what;
    private final Runnable task;
    private ScheduledFuture<?> schedule;

    /** @param what the task as the log names it ("the federation delivery sweep") */
    Repeating(Logger log, String what, Runnable task) {
        this.log = log;
        this.what = what;
        this.task = task;
    }

    synchronized void start(ManagedScheduledExecutorService executor, long initialDelay, long period, TimeUnit unit) {
        if (schedule != null) {
            return;
        }
        schedule = executor.scheduleWithFixedDelay(this::run, initialDelay, period, unit);
    }

    synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void run() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, what + " failed; the next run tries again", e);
        }
    }
}
