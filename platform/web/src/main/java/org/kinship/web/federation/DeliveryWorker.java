package org.kinship.web.federation;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.platform.federation.Deliveries;

/**
 * Drains the durable delivery queue: each message names one delivery row; {@link Deliveries} attempts it and
 * records the outcome (a retry is a new, delayed message). Not transacted, so no database connection or
 * queue transaction is held while a peer answers slowly; a crash mid-attempt redelivers the message, and the
 * peer's inbox is idempotent by activity id. As many deliveries run at once as the MDB pool allows
 * (KINSHIP_DELIVERY_CONSUMERS).
 *
 * <p>{@code consumerWindowSize} 0: a consumer takes the next message only when it is free. With Artemis's default
 * window each consumer buffers messages ahead, and a message buffered behind an attempt that waits for a host that
 * never answers waited with it (the federation benchmark saw a live host's delivery held 30 s that way).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/KinshipDelivery"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${kinship.delivery.consumers:16}"),
        @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryWorker implements MessageListener {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    @Inject
    Deliveries deliveries;

    @Override
    public void onMessage(Message message) {
        String id;
        try {
            id = message.getStringProperty("deliveryId");
        } catch (JMSException e) {
            LOG.log(Level.WARNING, "A delivery message without a readable delivery id was dropped", e);
            return;
        }
        try {
            deliveries.attempt(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "A delivery message named no delivery: " + id);
        }
    }
}
