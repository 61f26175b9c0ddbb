package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.NameReveal;
import org.kinship.platform.community.NameRevealService;
import org.kinship.platform.error.ErrorCode;
import org.kinship.web.api.Payloads.RevealData;
import org.kinship.web.security.CurrentCaller;

/** Showing a chosen name to specific members only, and withdrawing it. */
@Path("/communities/{slug}/reveals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevealResource {
    @PathParam("slug")
    String slug;

    @Inject
    NameRevealService reveals;

    @Inject
    CurrentCaller caller;

    @GET
    public Payloads.RevealsData list() {
        var all = reveals.reveals(caller.require(), slug);
        return new Payloads.RevealsData(
                all.mine().stream().map(r -> data(r.revealedTo(), all.pseudonyms().get(r.revealedTo().value()), r)).toList(),
                all.toMe().stream().map(r -> data(r.member(), all.pseudonyms().get(r.member().value()), r)).toList());
    }

    @POST
    public Response reveal(Payloads.RevealRequest request) {
        Views.required(request);
        NameReveal r = reveals.reveal(caller.require(), slug, request.pseudonym(), request.name());
        return Response.status(Response.Status.CREATED).entity(data(r.revealedTo(), request.pseudonym(), r)).build();
    }

    @DELETE
    @Path("{memberId}")
    public Response withdraw(@PathParam("memberId") String memberId) {
        reveals.withdraw(caller.require(), slug, new MemberId(Views.uuid(memberId, ErrorCode.MEMBER_NOT_FOUND)));
        return Response.noContent().build();
    }

    private static RevealData data(MemberId other, String pseudonym, NameReveal r) {
        return new RevealData(other.toString(), pseudonym, r.name());
    }
}
