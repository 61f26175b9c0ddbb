package org.kinship.web.federation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.federation.Receipts;
import org.kinship.web.security.CurrentCaller;

/**
 * The operator's view of incoming federation (platform admins only): activities accepted and not yet applied
 * (a growing number, or an old oldest, means the inbox workers cannot keep up), and those given up after
 * repeated failures, with the last error.
 */
@Path("/federation/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxStatusResource {
    @Inject
    CurrentCaller caller;

    @Inject
    Receipts receipts;

    public record Status(long pending, Instant oldestPending, Long lagSeconds, long givenUp, String lastError) {
    }

    @GET
    public Status status() {
        if (!caller.require().platformAdmin()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the server's operators can see the inbox.");
        }
        Receipts.Backlog b = receipts.backlog();
        return new Status(b.pending(), b.oldestPending(),
                b.oldestPending() == null ? null : Duration.between(b.oldestPending(), Instant.now()).toSeconds(), b.givenUp(), b.lastError());
    }
}
