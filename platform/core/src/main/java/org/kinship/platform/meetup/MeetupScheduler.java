package org.kinship.platform.meetup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link MeetupReminders} every {@code kinship.meetups.interval-seconds} (300 by default; the server
 * configuration sets it from KINSHIP_MEETUP_INTERVAL_SECONDS) on the container's managed scheduled
 * executor, like the digest. Several nodes may run it: every reminder is claimed before it is sent.
 */
@ApplicationScoped
public class MeetupScheduler {
    private static final Logger LOG = Logger.getLogger(MeetupScheduler.class.getName());
    static final String INTERVAL_PROPERTY = "kinship.meetups.interval-seconds";
    static final long DEFAULT_INTERVAL_SECONDS = 300;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    MeetupReminders reminders;

    private ScheduledFuture<?> schedule;
    private volatile boolean stopping;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (schedule != null) {
            return; // the event comes once per module of the EAR
        }
        long interval = interval(System.getProperty(INTERVAL_PROPERTY));
        stopping = false;
        schedule = executor.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
        LOG.info(() -> "Meetup reminders run every " + interval + " s");
    }

    synchronized void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stopping = true;
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void run() {
        try {
            reminders.run(publicUrl(), () -> stopping);
        } catch (RuntimeException e) {
            // Logged, never thrown: an exception would end the schedule for good.
            LOG.log(Level.WARNING, "The meetup reminder run failed; the next run tries again", e);
        }
    }

    static long interval(String configured) {
        if (configured != null) {
            try {
                long seconds = Long.parseLong(configured.strip());
                if (seconds > 0) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            LOG.warning(() -> INTERVAL_PROPERTY + " must be a positive number of seconds; using " + DEFAULT_INTERVAL_SECONDS);
        }
        return DEFAULT_INTERVAL_SECONDS;
    }

    static String publicUrl() {
        String url = System.getProperty("kinship.public-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
