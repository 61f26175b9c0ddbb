package org.kinship.plugin.api;

/** The version of this API. A plugin declares the version it was built for; the host refuses incompatible ones. */
public final class PluginApi {
    /** Major changes break plugins; minor versions only add. */
    public static final String VERSION = "1.0";

    private PluginApi() {
    }
}
