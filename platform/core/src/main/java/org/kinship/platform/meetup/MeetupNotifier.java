package org.kinship.platform.meetup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.notification.Notification;

/**
 * Turns meetup events into in-app notifications, inside the writing transaction (a cancellation and
 * its notifications are stored together or not at all), and puts two people who agreed to go
 * together in touch after commit.
 */
@ApplicationScoped
public class MeetupNotifier {
    private static final Logger LOG = Logger.getLogger(MeetupNotifier.class.getName());

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Introductions introductions;

    @Resource
    ManagedExecutorService executor;

    void onEvent(@Observes MeetupEvent event) {
        if (event instanceof MeetupEvent.Cancelled c) {
            tell(c, c.told(), Notification.Kind.MEETUP_CANCELLED, c.by(), c.reason());
        } else if (event instanceof MeetupEvent.TimeChanged t) {
            tell(t, t.told(), Notification.Kind.MEETUP_CHANGED, t.by(), t.detail());
        } else if (event instanceof MeetupEvent.PlaceGiven p) {
            tell(p, List.of(p.member()), Notification.Kind.MEETUP_PLACE, null, p.fromWaitingList() ? "waiting_list" : "approved");
        } else if (event instanceof MeetupEvent.OrganiserMessage m) {
            tell(m, m.told(), Notification.Kind.MEETUP_MESSAGE, m.by(), m.text());
        } else if (event instanceof MeetupEvent.CompanyOffered o) {
            tell(o, List.of(o.asker()), Notification.Kind.COMPANY_OFFERED, o.offerer(), null);
        } else if (event instanceof MeetupEvent.CompanyMatched m) {
            tell(m, List.of(m.asker()), Notification.Kind.COMPANY_MATCHED, m.companion(), null);
            tell(m, List.of(m.companion()), Notification.Kind.COMPANY_MATCHED, m.asker(), null);
        }
    }

    private void tell(MeetupEvent event, List<MemberId> recipients, Notification.Kind kind, MemberId actor, String detail) {
        for (MemberId recipient : recipients) {
            if (recipient.equals(actor) && kind != Notification.Kind.COMPANY_MATCHED) {
                continue; // nobody is told about what they did themselves
            }
            Membership membership = em.find(Membership.class, recipient.value());
            if (membership != null && membership.isRemote()) {
                continue; // a person from another server reads nothing here; their server hears of it by federation
            }
            em.persist(Notification.aboutMeetup(recipient, event.community(), kind, event.meetup().value(),
                    event.occurrence().value(), actor, detail, clock.instant()));
        }
    }

    /**
     * Two people agreed to go together: their direct conversation is opened, so it is there in both
     * chats without either having to look the other up. Who may write first still follows each one's
     * direct-message preference (ChatService.mayWriteDirect); the notification names the other person
     * either way. After commit, on the container's executor in a transaction of its own (JPA work inside
     * the committing transaction's completion is not allowed): a failure loses only this shortcut.
     */
    void onMatched(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetupEvent.CompanyMatched matched) {
        try {
            executor.execute(() -> {
                try {
                    introductions.openConversation(matched);
                } catch (RuntimeException e) {
                    // Most often the conversation was opened at the same moment (its unique key); the notification stands.
                    LOG.log(Level.FINE, "No new direct conversation for a going-together match", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand over opening a going-together conversation", e);
        }
    }
}
