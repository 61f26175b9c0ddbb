package org.kinship.platform.meetup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.notification.digest.DigestMailer;

/**
 * Reminds those who are going, the day before and two hours before (in the app, and by e-mail where the
 * member gave an address for this community's digest), and makes the next dates of open-ended series.
 * Runs outside any transaction; each step is its own (see {@link ReminderStore}).
 */
@ApplicationScoped
public class MeetupReminders {
    private static final Logger LOG = Logger.getLogger(MeetupReminders.class.getName());

    @Inject
    ReminderStore store;

    @Inject
    DigestMailer mailer;

    @Inject
    Clock clock;

    /** What one run did, for the log and the tests. */
    public record RunResult(int reminded, int mailed, int failed, int datesMade) {
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RunResult run(String publicUrl, BooleanSupplier stopping) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int made = 0;
        for (UUID series : store.seriesToExtend(now)) {
            made += store.extend(series, now);
        }
        int reminded = 0;
        int mailed = 0;
        int failed = 0;
        for (ReminderStore.Due due : store.due(now)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            Optional<ReminderStore.Claimed> claimed = store.claim(due, now);
            if (claimed.isEmpty()) {
                continue;
            }
            reminded++;
            if (claimed.get().email() == null) {
                continue;
            }
            try {
                mailer.send(claimed.get().email(), ReminderMail.compose(claimed.get(), publicUrl));
                mailed++;
            } catch (Exception e) {
                // At most once: the in-app reminder is there; the mail is not tried again (it would come late).
                failed++;
                LOG.log(Level.WARNING, "Reminder for RSVP " + due.rsvpId() + " could not be mailed: " + e.getClass().getName());
            }
        }
        if (reminded + made > 0) {
            int r = reminded;
            int m = mailed;
            int d = made;
            LOG.info(() -> "Meetups: " + r + " reminders (" + m + " by e-mail), " + d + " new dates of series");
        }
        return new RunResult(reminded, mailed, failed, made);
    }
}
