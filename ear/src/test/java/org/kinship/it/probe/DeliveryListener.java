package org.kinship.it.probe;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Consumes the delivery queue as federation's sender will. Records when each message arrives; rolls back
 * every delivery of a message whose text starts with {@code fail-}, as a delivery to a server that stays
 * unreachable would. Its maxSession is {@code ${kinship.delivery.consumers}}: the bean only deploys if the
 * server defines that property and replaces it in annotations.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/KinshipDelivery"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${kinship.delivery.consumers}")})
public class DeliveryListener implements MessageListener {
    static final Map<String, List<Long>> ARRIVALS = new ConcurrentHashMap<>();

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            String text = message.getBody(String.class);
            ARRIVALS.computeIfAbsent(text, k -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
            if (text.startsWith("fail-")) {
                context.setRollbackOnly();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
