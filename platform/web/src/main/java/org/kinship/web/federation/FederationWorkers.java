package org.kinship.web.federation;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.kinship.platform.federation.DeliverySweeper;
import org.kinship.platform.federation.InboxIntake;
import org.kinship.platform.federation.InboxWork;
import org.kinship.platform.federation.ParticipantCounts;

/**
 * Starts federation's background work from the web module, so that its threads and scheduled tasks carry this
 * module's naming context ({@code java:comp}): sending on the delivery queue inside a transaction needs it, and
 * threads made for a bean of the EAR's library have none. Stopped with the module; what was queued in memory
 * stays in the database and is taken up at the next start.
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

    @Override
    public void contextInitialized(ServletContextEvent event) {
        intake.start(threads);
        inbox.start(threads, scheduler);
        deliveries.start(scheduler);
        counts.start(scheduler);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        intake.stop();
        inbox.stop();
        deliveries.stop();
        counts.stop();
    }
}
