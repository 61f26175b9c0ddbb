package org.kinship.web.federation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.federation.Outbox;
import org.kinship.web.security.CurrentCaller;

/**
 * The operator's view of outgoing federation (platform admins only): per remote host, how many deliveries
 * wait, were delivered, were refused or given up, how long the oldest waiting one has waited, and the last
 * error. A dead host shows here as a growing queue and lag while the others stay at zero.
 */
@Path("/federation/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryStatusResource {
    @Inject
    CurrentCaller caller;

    @Inject
    Outbox outbox;

    public record Host(String host, long pending, long delivered, long gaveUp, long refused, Instant oldestPending,
                       Long lagSeconds, String lastError) {
    }

    @GET
    public List<Host> hosts() {
        if (!caller.require().platformAdmin()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the server's operators can see deliveries.");
        }
        Instant now = Instant.now();
        return outbox.status().stream()
                .map(s -> new Host(s.host(), s.pending(), s.delivered(), s.gaveUp(), s.refused(), s.oldestPending(),
                        s.oldestPending() == null ? null : Duration.between(s.oldestPending(), now).toSeconds(), s.lastError()))
                .toList();
    }
}
