/**
 * Outbound HTTP for federation: delivering activities to remote inboxes and fetching remote
 * documents, safely.
 *
 * <p>{@link org.kinship.federation.delivery.FederationClient} sends; before any connection the
 * {@link org.kinship.federation.delivery.AddressPolicy} refuses URLs that lead into private
 * networks, and {@link org.kinship.federation.delivery.HostHealth} answers for hosts that keep
 * failing. {@link org.kinship.federation.delivery.OutboundTrust} adds the operator's own
 * certificate authorities to the JDK's. {@link org.kinship.federation.delivery.Backoff} is the
 * retry schedule the outbox follows with each
 * {@link org.kinship.federation.delivery.DeliveryOutcome}.
 *
 * <p>Pure library code: no JPA, CDI or messaging. The server's outbox stores each activity,
 * and its message consumers call {@code deliver} and schedule the next try. No method here
 * throws for network trouble or a peer's answer; every outcome carries a stable
 * {@link org.kinship.federation.delivery.OutboundProblem} code.
 */
package org.kinship.federation.delivery;
