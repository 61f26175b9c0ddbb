package org.kinship.plugin.crisisplan;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kinship.plugin.api.Member;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.api.PluginRequest;
import org.kinship.plugin.crisisplan.CrisisPlanJson.ContactJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.CrisisNumberJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.PlanInput;
import org.kinship.plugin.crisisplan.CrisisPlanJson.PlanJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.ShareInput;
import org.kinship.plugin.crisisplan.CrisisPlanJson.ShareJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.SharedPlanJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.SharedWithMeJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.SharesJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.ViewJson;
import org.kinship.plugin.crisisplan.CrisisPlanJson.ViewsJson;
import org.kinship.plugin.crisisplan.PlanContent.Contact;
import org.kinship.plugin.crisisplan.PlanStore.StoredPlan;

/**
 * The plugin's HTTP endpoints, for one request (the host calls {@link CrisisPlanPlugin#resource} per request).
 *
 * <p>The reading rule, the whole of it: a plan is read by its owner, and by an active member the owner named
 * while the share lasts. Roles do not enter into it: a moderator, an admin or a provider who was not named is
 * told {@code plan_not_found}, exactly as if there were no plan, so not even the existence of a plan leaks.
 * Every read by a named member is recorded (web, print or download) in the owner's view log, in the same
 * transaction as the read; the owner's own reads are not.
 *
 * <p>Answers are never cached ({@code Cache-Control: no-store}): a revoked share must not live on in a cache.
 */
public class CrisisPlanResource {
    static final int VIEWS_PAGE = 100;

    private final PluginRequest request;
    private final PlanStore store;
    private final String language;

    CrisisPlanResource(PluginRequest request) {
        this.request = request;
        this.store = new PlanStore(request.database(), request.community().id());
        this.language = Words.language(request.language());
    }

    // ---- my own plan ----

    @GET
    @Path("plan")
    @Produces(MediaType.APPLICATION_JSON)
    public Response myPlan() {
        Member me = request.requireMember();
        return json(planJson(me, store.plan(me.id()), true));
    }

    @PUT
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response savePlan(PlanInput input) {
        Member me = request.requireMember();
        if (input == null) {
            throw invalid("validation_failed");
        }
        if (input.expectedVersion() != null && input.expectedVersion() < 0) {
            throw invalid("version_invalid");
        }
        PlanContent content = PlanContent.validated(input.warningSigns(), input.selfHelp(), input.othersCanDo(),
                input.contacts() == null ? null : input.contacts().stream()
                        .map(c -> c == null ? null : new Contact(c.name(), c.relation(), c.phone(), c.kind())).toList(),
                input.ifCannotSpeak(), language);
        return json(store.inTransaction(c -> {
            store.save(me.id(), content, input.expectedVersion(), request.now(), language);
            return planJson(me, store.plan(me.id()), true);
        }));
    }

    @GET
    @Path("plan/download")
    @Produces(MediaType.TEXT_HTML)
    public Response downloadMine() {
        Member me = request.requireMember();
        Optional<StoredPlan> plan = store.plan(me.id());
        return document(me, plan, true);
    }

    @GET
    @Path("plan/shares")
    @Produces(MediaType.APPLICATION_JSON)
    public Response shares() {
        Member me = request.requireMember();
        return json(sharesJson(me));
    }

    @POST
    @Path("plan/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response share(ShareInput input) {
        Member me = request.requireMember();
        if (input == null || blank(input.member()) == blank(input.pseudonym())) {
            throw invalid("share_target_required");
        }
        Optional<Member> target = blank(input.member())
                ? request.memberNamed(input.pseudonym().strip())
                : request.member(input.member().strip());
        Member reader = target.orElseThrow(() -> PluginException.notFound("share_target_not_member",
                Words.get(language, "err.share_target_not_member")));
        if (reader.id().equals(me.id())) {
            throw invalid("cannot_share_with_self");
        }
        SharesJson answer = store.inTransaction(c -> {
            if (!store.share(me.id(), reader.id(), request.now())) {
                throw PluginException.conflict("already_shared", Words.get(language, "err.already_shared"));
            }
            return sharesJson(me);
        });
        return Response.status(Response.Status.CREATED).entity(answer).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("plan/shares/{memberId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unshare(@PathParam("memberId") String memberId) {
        Member me = request.requireMember();
        return json(store.inTransaction(c -> {
            if (!store.unshare(me.id(), memberId)) {
                throw PluginException.notFound("share_not_found", Words.get(language, "err.share_not_found"));
            }
            return sharesJson(me);
        }));
    }

    @GET
    @Path("plan/views")
    @Produces(MediaType.APPLICATION_JSON)
    public Response views(@QueryParam("before") String before) {
        Member me = request.requireMember();
        Long beforeId = null;
        if (before != null) {
            try {
                beforeId = Long.parseLong(before);
            } catch (NumberFormatException e) {
                beforeId = -1L;
            }
            if (beforeId < 1) {
                throw PluginException.invalid("before_invalid", "before is the number a previous page gave as next.");
            }
        }
        List<PlanStore.View> views = store.views(me.id(), beforeId, VIEWS_PAGE + 1);
        boolean more = views.size() > VIEWS_PAGE;
        List<ViewJson> page = views.stream().limit(VIEWS_PAGE)
                .map(v -> new ViewJson(v.id(), v.viewerId(), v.viewerPseudonym(), v.viewedAt().toString(), v.how()))
                .toList();
        return json(new ViewsJson(page, more ? page.get(page.size() - 1).id() : null, crisisNumbers()));
    }

    // ---- plans others shared with me ----

    @GET
    @Path("shared-with-me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sharedWithMe() {
        Member me = request.requireMember();
        List<SharedPlanJson> plans = store.sharedWith(me.id()).stream()
                .flatMap(s -> request.member(s.ownerId()).stream()
                        .map(owner -> new SharedPlanJson(owner.id(), owner.pseudonym(), s.since().toString(),
                                s.updatedAt().toString())))
                .toList();
        return json(new SharedWithMeJson(plans, crisisNumbers()));
    }

    /** Reads someone's plan, if they named me; {@code how=print} when the reader is about to print it. */
    @GET
    @Path("plans/{ownerId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(@PathParam("ownerId") String ownerId, @QueryParam("how") String how) {
        Member me = request.requireMember();
        String way = how == null ? "web" : how;
        if (!way.equals("web") && !way.equals("print")) {
            throw invalid("how_invalid");
        }
        if (ownerId.equals(me.id())) {
            return myPlan();
        }
        return json(store.inTransaction(c -> {
            Shared shared = sharedWithMe(me, ownerId);
            store.recordView(ownerId, me.id(), me.pseudonym(), request.now(), way);
            return planJson(shared.owner(), Optional.of(shared.plan()), false);
        }));
    }

    @GET
    @Path("plans/{ownerId}/download")
    @Produces(MediaType.TEXT_HTML)
    public Response download(@PathParam("ownerId") String ownerId) {
        Member me = request.requireMember();
        if (ownerId.equals(me.id())) {
            return downloadMine();
        }
        Shared shared = store.inTransaction(c -> {
            Shared s = sharedWithMe(me, ownerId);
            store.recordView(ownerId, me.id(), me.pseudonym(), request.now(), "download");
            return s;
        });
        return document(shared.owner(), Optional.of(shared.plan()), false);
    }

    /** Only the owner changes a plan: a reader who tries is told so; anyone else learns nothing. */
    @PUT
    @Path("plans/{ownerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("ownerId") String ownerId, PlanInput input) {
        return asOwner(ownerId, () -> savePlan(input));
    }

    @GET
    @Path("plans/{ownerId}/shares")
    @Produces(MediaType.APPLICATION_JSON)
    public Response othersShares(@PathParam("ownerId") String ownerId) {
        return asOwner(ownerId, () -> shares());
    }

    @POST
    @Path("plans/{ownerId}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reshare(@PathParam("ownerId") String ownerId, ShareInput input) {
        return asOwner(ownerId, () -> share(input));
    }

    @GET
    @Path("plans/{ownerId}/views")
    @Produces(MediaType.APPLICATION_JSON)
    public Response othersViews(@PathParam("ownerId") String ownerId) {
        return asOwner(ownerId, () -> views(null));
    }

    // ---- the rule ----

    private record Shared(Member owner, StoredPlan plan) {
    }

    /** The owner and their plan, if the owner is an active member who named me and has written a plan. */
    private Shared sharedWithMe(Member me, String ownerId) {
        Optional<Member> owner = request.member(ownerId);
        if (owner.isEmpty() || !store.isShared(ownerId, me.id())) {
            throw planNotFound();
        }
        StoredPlan plan = store.plan(ownerId).orElseThrow(this::planNotFound);
        return new Shared(owner.get(), plan);
    }

    /** The owner's own endpoint under their id: for the owner it is theirs; anyone else is refused by {@link #refuseOthers}. */
    private Response asOwner(String ownerId, Supplier<Response> own) {
        Member me = request.requireMember();
        if (ownerId.equals(me.id())) {
            return own.get();
        }
        throw refuseOthers(me, ownerId);
    }

    private PluginException refuseOthers(Member me, String ownerId) {
        sharedWithMe(me, ownerId); // plan_not_found unless it is shared with me
        return PluginException.forbidden("not_owner", Words.get(language, "err.not_owner"));
    }

    private PluginException planNotFound() {
        return PluginException.notFound("plan_not_found", Words.get(language, "err.plan_not_found"));
    }

    // ---- answers ----

    private PlanJson planJson(Member owner, Optional<StoredPlan> stored, boolean mine) {
        PlanContent content = stored.map(StoredPlan::content).orElse(PlanContent.empty());
        return new PlanJson(owner.id(), owner.pseudonym(), mine, stored.isPresent(), stored.map(StoredPlan::version).orElse(0L),
                stored.map(p -> p.updatedAt().toString()).orElse(null),
                content.warningSigns(), content.selfHelp(), content.othersCanDo(),
                content.contacts().stream().map(c -> new ContactJson(c.name(), c.relation(), c.phone(), c.kind())).toList(),
                content.ifCannotSpeak(), crisisNumbers());
    }

    private SharesJson sharesJson(Member me) {
        List<ShareJson> shares = store.shares(me.id()).stream().map(s -> {
            Optional<Member> m = request.member(s.memberId());
            return new ShareJson(s.memberId(), m.map(Member::pseudonym).orElse(null), m.map(x -> x.role().name()).orElse(null),
                    s.since().toString());
        }).toList();
        return new SharesJson(shares, crisisNumbers());
    }

    private List<CrisisNumberJson> crisisNumbers() {
        return request.community().crisisNumbers().stream()
                .map(n -> new CrisisNumberJson(n.label(), n.phone(), n.description())).toList();
    }

    private Response document(Member owner, Optional<StoredPlan> plan, boolean mine) {
        Instant now = request.now();
        String html = PlanDocument.render(plan.map(StoredPlan::content).orElse(PlanContent.empty()),
                mine ? null : owner.pseudonym(), plan.map(StoredPlan::updatedAt).orElse(null), request.community(), now, language);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"crisis-plan.html\"")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                // Opened from the server (not from the phone's files) it runs nothing and loads nothing.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .build();
    }

    private static Response json(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private PluginException invalid(String code) {
        return PluginException.invalid(code, Words.get(language, "err." + code));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
