package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.platform.community.Community;

/**
 * Meetups over federation (FEP-8a8e, Mobilizon's Event): remote Join and Leave of our shared meetups, and
 * Events announced by communities we follow. Called by {@link Receiver} inside the inbox's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FederatedMeetups {
    private static final Logger LOG = Logger.getLogger(FederatedMeetups.class.getName());

    /**
     * @param via the Group whose Announce carried the activity, or null when its actor sent it directly
     */
    void received(Incoming activity, RemoteActor actor, List<Community> communities, RemoteActor via) {
        LOG.fine(() -> "Meetup activity not handled yet: " + activity.type() + " " + activity.id().orElse(null));
    }
}
