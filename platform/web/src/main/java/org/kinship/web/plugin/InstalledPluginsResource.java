package org.kinship.web.plugin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;
import org.kinship.platform.plugin.PluginHost;
import org.kinship.web.security.CurrentCaller;

/** The server operator's view: every plugin found, loaded or refused, and why. */
@Path("/plugins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InstalledPluginsResource {
    @Inject
    CurrentCaller caller;

    @Inject
    PluginHost host;

    @GET
    public List<PluginPayloads.InstalledEntry> installed() {
        if (!caller.require().platformAdmin()) {
            throw new KinshipException(ErrorCode.FORBIDDEN, "Only the people who run this server can see its plugins.");
        }
        return host.all().stream().map(PluginPayloads::installed).toList();
    }
}
