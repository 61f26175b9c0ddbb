package org.kinship.federation.delivery;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AddressPolicy} decided about a URL.
 *
 * @param refusal   empty when Kinship may connect; otherwise an address refusal
 *                  ({@link OutboundProblem#isAddressRefusal()})
 * @param message   a sentence for the operator: which address, which range
 * @param addresses every address the host resolved to (empty when it did not resolve)
 */
public record AddressDecision(Optional<OutboundProblem> refusal, String message, List<InetAddress> addresses) {

    public AddressDecision {
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(message, "message");
        addresses = List.copyOf(addresses);
    }

    static AddressDecision allowed(List<InetAddress> addresses) {
        return new AddressDecision(Optional.empty(), "allowed", addresses);
    }

    static AddressDecision refused(OutboundProblem problem, String message, List<InetAddress> addresses) {
        return new AddressDecision(Optional.of(problem), message, addresses);
    }

    public boolean allowed() {
        return refusal.isEmpty();
    }
}
