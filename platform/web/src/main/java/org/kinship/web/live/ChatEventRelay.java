package org.kinship.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.chat.ChatEvent;
import org.kinship.platform.chat.ChatFanout;

/**
 * Hands chat events to the fan-out once their transaction has committed: nobody hears of a message
 * that is not stored. (An event fired outside a transaction, such as typing, passes at once.)
 */
@ApplicationScoped
public class ChatEventRelay {
    private static final Logger LOG = Logger.getLogger(ChatEventRelay.class.getName());

    @Inject
    ChatFanout fanout;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatEvent event) {
        try {
            fanout.publish(event);
        } catch (RuntimeException e) {
            // The message is stored; clients that miss it live get it when they resume.
            LOG.log(Level.WARNING, "chat fan-out failed for " + event.getClass().getSimpleName(), e);
        }
    }
}
