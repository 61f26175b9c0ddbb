package org.kinship.web.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.plugin.PluginService;
import org.kinship.web.security.CurrentCaller;

/**
 * A community admin switches plugins on and off, and deletes a switched-off plugin's data. Kept
 * apart from {@link PluginResource}: everything under {@code plugins/{id}/} belongs to the plugin.
 */
@Path("/communities/{slug}/plugin-settings/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginSettingsResource {
    @PathParam("slug")
    String slug;

    @PathParam("id")
    String id;

    @Inject
    CurrentCaller caller;

    @Inject
    PluginService plugins;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public PluginPayloads.PluginEntry set(JsonObject request) {
        // Read as JSON itself: JSON-B would take "yes" or 0 for false and quietly switch the plugin off.
        JsonValue enabled = request == null ? null : request.get("enabled");
        JsonValue.ValueType type = enabled == null ? JsonValue.ValueType.NULL : enabled.getValueType();
        if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
            throw new KinshipException(ErrorCode.VALIDATION_FAILED, "Say whether the plugin is on: {\"enabled\": true} or false.");
        }
        return PluginPayloads.entry(plugins.setEnabled(caller.require(), slug, id, type == JsonValue.ValueType.TRUE));
    }

    @DELETE
    @Path("data")
    public Response deleteData() {
        plugins.deleteData(caller.require(), slug, id);
        return Response.noContent().build();
    }
}
