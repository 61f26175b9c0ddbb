package org.kinship.platform.notification.digest;

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
 * Runs the e-mail digest every {@code kinship.digest.interval-seconds} (900 by default; the server
 * configuration sets it from KINSHIP_DIGEST_INTERVAL_SECONDS) on the container's default managed
 * scheduled executor, from deployment until undeployment. No thread of our own: the container owns
 * the threads and gives each run the application's context.
 *
 * <p>Cluster: every node would run this schedule. That is safe as it stands, because a digest is
 * claimed with a conditional UPDATE before it is sent (see {@link DigestStore}) and only one node's
 * claim can win; the others skip it. When Kinship runs on several nodes, it is still worth making
 * one node the sender (for example a singleton deployment or a database lease) to save the other
 * nodes' queries; the claim keeps it correct either way.
 */
@ApplicationScoped
public class DigestScheduler {
    private static final Logger LOG = Logger.getLogger(DigestScheduler.class.getName());
    static final String INTERVAL_PROPERTY = "kinship.digest.interval-seconds";
    static final long DEFAULT_INTERVAL_SECONDS = 900;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DigestService digests;

    private ScheduledFuture<?> schedule;
    private volatile boolean stopping;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (schedule != null) {
            return; // the event comes once per module of the EAR; one schedule is enough
        }
        long interval = interval(System.getProperty(INTERVAL_PROPERTY));
        stopping = false;
        // Fixed delay, not fixed rate: a slow run (a slow SMTP relay) never overlaps the next one.
        schedule = executor.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.SECONDS);
        LOG.info(() -> "E-mail digest runs every " + interval + " s");
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
            digests.sendDue(publicUrl(), () -> stopping);
        } catch (RuntimeException e) {
            // Logged, never thrown: an exception would end the schedule for good. The next run tries again.
            LOG.log(Level.WARNING, "The e-mail digest run failed; the next run tries again", e);
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
                // fall through to the default
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
