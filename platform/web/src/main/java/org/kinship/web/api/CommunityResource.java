package org.kinship.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityService;
import org.kinship.platform.community.InvitationService;
import org.kinship.platform.community.MemberId;
import org.kinship.platform.community.Membership;
import org.kinship.platform.community.MembershipService;
import org.kinship.platform.community.NameRevealService;
import org.kinship.platform.community.Role;
import org.kinship.platform.community.Slug;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.web.api.Payloads.ApplicationData;
import org.kinship.web.api.Payloads.CommunityDetails;
import org.kinship.web.api.Payloads.CommunitySettingsRequest;
import org.kinship.web.api.Payloads.CommunitySummary;
import org.kinship.web.api.Payloads.CreatedCommunity;
import org.kinship.web.api.Payloads.InvitationRequest;
import org.kinship.web.api.Payloads.JoinRequest;
import org.kinship.web.api.Payloads.MemberData;
import org.kinship.web.api.Payloads.MyMembership;
import org.kinship.web.api.Payloads.RoleRequest;
import org.kinship.web.security.CurrentCaller;

/** Communities: the public directory, settings, membership, the approval queue and invitations. */
@Path("/communities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommunityResource {
    @Inject
    CommunityService communities;

    @Inject
    MembershipService memberships;

    @Inject
    InvitationService invitations;

    @Inject
    NameRevealService reveals;

    @Inject
    CurrentCaller caller;

    /** The public directory: anyone may read it, signed in or not. */
    @GET
    public List<CommunitySummary> directory() {
        return communities.directory().stream()
                .map(e -> new CommunitySummary(e.community().slug().value(), e.community().name(),
                        e.community().description(), e.community().language(), e.memberCount(),
                        e.community().registrationPolicy().name()))
                .toList();
    }

    @POST
    public Response create(CommunitySettingsRequest request) {
        Views.required(request);
        if (request.slug() == null) {
            throw new KinshipException(ErrorCode.SLUG_INVALID, "A slug is required.");
        }
        var created = communities.create(caller.require(), new Slug(request.slug().strip()), Views.settings(request));
        Community community = created.community();
        var body = new CreatedCommunity(Views.details(community, 0, null),
                Views.issued(community, created.firstAdminInvitation()));
        return Response.created(URI.create("/api/communities/" + community.slug().value())).entity(body).build();
    }

    /** The community page. Public, plus the caller's own membership when signed in. */
    @GET
    @Path("{slug}")
    public CommunityDetails describe(@PathParam("slug") String slug) {
        var entry = communities.describe(slug);
        Membership mine = caller.find().flatMap(c -> memberships.membershipIn(c, entry.community())).orElse(null);
        return Views.details(entry.community(), entry.memberCount(), mine);
    }

    @PUT
    @Path("{slug}/settings")
    public CommunityDetails configure(@PathParam("slug") String slug, CommunitySettingsRequest request) {
        Community community = communities.configure(caller.require(), slug, Views.settings(request));
        return describe(community.slug().value());
    }

    @POST
    @Path("{slug}/members")
    public Response join(@PathParam("slug") String slug, JoinRequest request) {
        Views.required(request);
        Membership m = memberships.join(caller.require(), slug,
                new MembershipService.JoinRequest(request.pseudonym(), request.invitation(), request.note()));
        var body = new MyMembership(m.id().toString(), m.pseudonym().value(), m.role().name(), m.status().name());
        return Response.status(m.isActive() ? Response.Status.CREATED : Response.Status.ACCEPTED).entity(body).build();
    }

    @DELETE
    @Path("{slug}/members/me")
    public Response leave(@PathParam("slug") String slug) {
        memberships.leave(caller.require(), slug);
        return Response.noContent().build();
    }

    /** The member list: only for members of this community. */
    @GET
    @Path("{slug}/members")
    public List<MemberData> members(@PathParam("slug") String slug) {
        var me = caller.require();
        List<Membership> members = memberships.members(me, slug);
        var revealed = reveals.revealedTo(me, slug);
        return members.stream()
                .map(m -> new MemberData(m.id().toString(), m.pseudonym().value(), m.role().name(), m.joinedAt(),
                        revealed.get(m.id())))
                .toList();
    }

    @PUT
    @Path("{slug}/members/{memberId}/role")
    public MemberData changeRole(@PathParam("slug") String slug, @PathParam("memberId") String memberId, RoleRequest request) {
        Views.required(request);
        Membership m = memberships.changeRole(caller.require(), slug, memberId(memberId), role(request.role()));
        return new MemberData(m.id().toString(), m.pseudonym().value(), m.role().name(), m.joinedAt(), null);
    }

    /** The approval queue: moderators and admins of this community only. */
    @GET
    @Path("{slug}/applications")
    public List<ApplicationData> applications(@PathParam("slug") String slug) {
        return memberships.applications(caller.require(), slug).stream()
                .map(m -> new ApplicationData(m.id().toString(), m.pseudonym().value(), m.applicationNote(), m.requestedAt()))
                .toList();
    }

    @POST
    @Path("{slug}/applications/{memberId}/approve")
    public MemberData approve(@PathParam("slug") String slug, @PathParam("memberId") String memberId) {
        Membership m = memberships.approve(caller.require(), slug, memberId(memberId));
        return new MemberData(m.id().toString(), m.pseudonym().value(), m.role().name(), m.joinedAt(), null);
    }

    @POST
    @Path("{slug}/applications/{memberId}/decline")
    public Response decline(@PathParam("slug") String slug, @PathParam("memberId") String memberId) {
        memberships.decline(caller.require(), slug, memberId(memberId));
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/invitations")
    public Response invite(@PathParam("slug") String slug, InvitationRequest request) {
        int hours = request == null || request.validHours() == null ? 7 * 24 : request.validHours();
        int uses = request == null || request.maxUses() == null ? 1 : request.maxUses();
        var community = communities.describe(slug).community();
        var issued = invitations.create(caller.require(), slug, Duration.ofHours(hours), uses);
        return Response.status(Response.Status.CREATED).entity(Views.issued(community, issued)).build();
    }

    @GET
    @Path("{slug}/invitations")
    public List<Payloads.InvitationData> invitations(@PathParam("slug") String slug) {
        return invitations.list(caller.require(), slug).stream().map(Views::invitation).toList();
    }

    @DELETE
    @Path("{slug}/invitations/{id}")
    public Response revoke(@PathParam("slug") String slug, @PathParam("id") String id) {
        invitations.revoke(caller.require(), slug, Views.uuid(id, ErrorCode.INVITATION_NOT_FOUND));
        return Response.noContent().build();
    }

    private static MemberId memberId(String text) {
        return new MemberId(Views.uuid(text, ErrorCode.MEMBER_NOT_FOUND));
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(String.valueOf(name).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Role must be one of MEMBER, MODERATOR, ADMIN, PROVIDER.");
        }
    }
}
