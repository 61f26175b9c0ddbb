package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.community.MembershipService;
import org.kinship.web.api.Payloads.Me;
import org.kinship.web.api.Payloads.MyCommunity;
import org.kinship.web.security.CurrentCaller;

/**
 * Who am I: whether signed in, and my memberships. Only the person themselves ever sees their
 * pseudonyms side by side.
 */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    CurrentCaller caller;

    @Inject
    MembershipService memberships;

    @Inject
    CommunityRepository communities;

    /**
     * Deletes the caller's account: their private plugin data (toolbox, crisis plan) goes with it,
     * their memberships end as when leaving. Their identity at the sign-in service stays theirs; a
     * later sign-in starts a new, empty account.
     */
    @DELETE
    public Response delete() {
        memberships.deleteAccount(caller.require());
        return Response.noContent().build();
    }

    @GET
    public Me me() {
        return caller.find().map(c -> new Me(true, c.platformAdmin(), memberships.membershipsOf(c).stream()
                        .map(m -> {
                            var community = communities.find(m.community()).orElseThrow();
                            return new MyCommunity(community.slug().value(), community.name(), m.id().toString(),
                                    m.pseudonym().value(), m.role().name(), m.status().name());
                        })
                        .toList()))
                .orElse(new Me(false, false, List.of()));
    }
}
