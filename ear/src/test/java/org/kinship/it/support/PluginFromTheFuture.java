package org.kinship.it.support;

import java.util.Map;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.plugin.api.PluginRequest;

/**
 * A plugin built for an API this server does not offer (2.0 against the host's 1.x): the host must
 * refuse it with one log line naming both versions, and start anyway. {@link PluginPackaging} puts
 * it in a jar of its own in the ITs' EAR; it is never on the server's classpath otherwise.
 */
public class PluginFromTheFuture implements KinshipPlugin {
    public static final String ID = "from-the-future";
    public static final String API_VERSION = "2.0";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "0.9.0", API_VERSION, Map.of("en", "From the future"), Map.of());
    }

    @Override
    public Object resource(PluginRequest request) {
        throw new AssertionError("a refused plugin is never asked for a resource");
    }
}
