package org.kinship.web.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.plugin.PluginService;
import org.kinship.web.security.CurrentCaller;

/**
 * A community's plugins: the list the web client builds navigation from, and the door to each
 * plugin's own endpoints (a sub-resource locator, as Keycloak hands out realm resources). The host
 * checks the community and that the plugin is on before the plugin sees the request.
 */
@Path("/communities/{slug}/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {
    @PathParam("slug")
    String slug;

    @Inject
    CurrentCaller caller;

    @Inject
    PluginService plugins;

    @Context
    HttpServletRequest http;

    @GET
    public List<PluginPayloads.PluginEntry> list() {
        return plugins.list(caller.find(), slug).stream().map(PluginPayloads::entry).toList();
    }

    /** Everything under the plugin's base path belongs to the plugin's resource. */
    @Path("{id}")
    public Object plugin(@PathParam("id") String id) {
        Object resource = plugins.serve(caller.find(), slug, id, language()).resource();
        if (resource == null) {
            throw new KinshipException(ErrorCode.NOT_FOUND, "There is nothing at this address.");
        }
        return resource;
    }

    /** The client's language if Kinship speaks it, else English; plugins write server text in it. */
    private String language() {
        Locale locale = http.getLocale();
        String lang = locale == null ? "en" : locale.getLanguage();
        return switch (lang) {
            case "nb", "no", "nn" -> "nb";
            default -> "en";
        };
    }
}
