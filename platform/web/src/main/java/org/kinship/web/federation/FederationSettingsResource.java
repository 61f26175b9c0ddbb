package org.kinship.web.federation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.federation.FederationMode;
import org.kinship.platform.federation.FederationRule;
import org.kinship.platform.federation.FederationSettings;
import org.kinship.web.security.CurrentCaller;

/**
 * A community admin's federation settings (README, "Federation"): the mode, the allow- and block-lists, the
 * communities followed and the followers. Admins only; everyone else gets forbidden / not_a_member.
 */
@Path("/communities/{slug}/federation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FederationSettingsResource {
    @PathParam("slug")
    String slug;

    @Inject
    CurrentCaller caller;

    @Inject
    FederationSettings settings;

    public record Entry(String target, Instant addedAt) {
    }

    public record Follow(UUID id, URI actor, String handle, String kind, String state, Instant since) {
    }

    public record View(String mode, List<Entry> allowed, List<Entry> blocked, List<Follow> following, List<Follow> followers) {
    }

    @GET
    public View get() {
        return view(settings.view(caller.require(), slug));
    }

    @PUT
    @Path("mode")
    @Consumes(MediaType.APPLICATION_JSON)
    public View mode(JsonObject request) {
        String typed = string(request, "mode", "Say which mode: {\"mode\": \"off\" | \"allow_list\" | \"open\"}.");
        FederationMode mode;
        try {
            mode = FederationMode.valueOf(typed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "mode must be off, allow_list or open.");
        }
        return view(settings.setMode(caller.require(), slug, mode));
    }

    @POST
    @Path("allowed")
    @Consumes(MediaType.APPLICATION_JSON)
    public View allow(JsonObject request) {
        return view(settings.addRule(caller.require(), slug, FederationRule.Kind.ALLOW, target(request)));
    }

    @DELETE
    @Path("allowed")
    public View disallow(@QueryParam("target") String target) {
        return view(settings.removeRule(caller.require(), slug, FederationRule.Kind.ALLOW, required(target)));
    }

    @POST
    @Path("blocked")
    @Consumes(MediaType.APPLICATION_JSON)
    public View block(JsonObject request) {
        return view(settings.addRule(caller.require(), slug, FederationRule.Kind.BLOCK, target(request)));
    }

    @DELETE
    @Path("blocked")
    public View unblock(@QueryParam("target") String target) {
        return view(settings.removeRule(caller.require(), slug, FederationRule.Kind.BLOCK, required(target)));
    }

    @POST
    @Path("following")
    @Consumes(MediaType.APPLICATION_JSON)
    public View follow(JsonObject request) {
        return view(settings.follow(caller.require(), slug, target(request)));
    }

    @DELETE
    @Path("follows/{id}")
    public View endFollow(@PathParam("id") String id) {
        UUID follow;
        try {
            follow = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new KinshipException(ErrorCode.FEDERATION_ENTRY_NOT_FOUND, "No such follow in this community.");
        }
        return view(settings.endFollow(caller.require(), slug, follow));
    }

    private static String target(JsonObject request) {
        return string(request, "target", "Name a host, a community's address or a handle: {\"target\": \"walks@example.org\"}.");
    }

    private static String required(String target) {
        if (target == null || target.isBlank()) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Name the entry: ?target=…");
        }
        return target;
    }

    private static String string(JsonObject request, String key, String message) {
        JsonValue value = request == null ? null : request.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, message);
        }
        return ((jakarta.json.JsonString) value).getString();
    }

    private static View view(FederationSettings.View v) {
        return new View(v.mode().name().toLowerCase(Locale.ROOT),
                v.allowed().stream().map(e -> new Entry(e.target(), e.addedAt())).toList(),
                v.blocked().stream().map(e -> new Entry(e.target(), e.addedAt())).toList(),
                v.following().stream().map(FederationSettingsResource::follow).toList(),
                v.followers().stream().map(FederationSettingsResource::follow).toList());
    }

    private static Follow follow(FederationSettings.FollowView f) {
        return new Follow(f.id(), f.actor(), f.handle(), f.kind(), f.state().name().toLowerCase(Locale.ROOT), f.since());
    }
}
