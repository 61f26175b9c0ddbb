package org.kinship.web.federation;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.kinship.platform.federation.DeliverySweeper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kinship.platform.federation.Inbox;
import org.kinship.platform.federation.InboxIntake;
import org.kinship.platform.federation.InboxWork;
import org.kinship.platform.federation.LocalActors;
import org.kinship.platform.federation.ParticipantCounts;

/**
 * Starts federation's background work from the web module, so that its threads and scheduled tasks carry this
 * module's naming context ({@code java:comp}): sending on the delivery queue inside a transaction needs it, and
 * threads made for a bean of the EAR's library have none. Stopped with the module; what was queued in memory
 * stays in the database and is taken up at the next start.
 *
 * <p>It also opens {@link InboxDoor}: the threads that check and store incoming activities come from here for
 * the same reason.
 */
@WebListener
public class FederationWorkers implements ServletContextListener {
    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    InboxIntake intake;

    @Inject
    InboxWork inbox;

    @Inject
    DeliverySweeper deliveries;

    @Inject
    ParticipantCounts counts;

    @Inject
    Inbox inboxChecks;

    @Inject
    LocalActors actors;

    /** Inbox requests being checked at once; each is CPU work, a store, and at most a short wait for the effect. */
    private final int doorThreads = Integer.getInteger("kinship.federation.inbox.threads", 16);
    /**
     * Requests waiting for a thread beyond this are answered 503 with Retry-After at once. (Not
     * {@code kinship.federation.inbox.queue}: that one sizes InboxWork's queues of activities waiting to be applied.)
     */
    private final int doorQueue = Integer.getInteger("kinship.federation.inbox.door-queue", 1_000);
    private ExecutorService door;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        intake.start(threads);
        inbox.start(threads, scheduler);
        deliveries.start(scheduler);
        counts.start(scheduler);
        door = new ThreadPoolExecutor(doorThreads, doorThreads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), threads);
        event.getServletContext().setAttribute(InboxDoor.OPEN, new InboxDoor.Open(inboxChecks, actors.iris(), door, doorQueue));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // Closed first: new POSTs go to the servlet, those already inside are answered before the rest stops.
        event.getServletContext().removeAttribute(InboxDoor.OPEN);
        if (door != null) {
            door.shutdown();
            try {
                door.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
        intake.stop();
        inbox.stop();
        deliveries.stop();
        counts.stop();
    }
}
