package org.kinship.plugin.api;

import java.util.Objects;

/**
 * The version of this API, and the rule the host uses to decide whether a plugin fits.
 *
 * <p>A plugin names the API version it was built for in {@link PluginDescriptor#apiVersion()}
 * (normally by passing {@link #VERSION} at compile time). The host loads it when the major
 * numbers are equal and the plugin's minor number is not higher than the host's: minor versions
 * only add, a major version may break. A plugin that does not fit is refused with one log line
 * naming both versions, and the server starts without it.
 */
public final class PluginApi {
    /** The API version of this jar, {@code major.minor}. */
    public static final String VERSION = "1.0";

    private PluginApi() {
    }

    /**
     * Whether a plugin built for {@code required} runs on a host offering {@code offered}.
     *
     * @throws IllegalArgumentException if either is not {@code major.minor} in digits
     */
    public static boolean isCompatible(String required, String offered) {
        int[] need = parse(required);
        int[] have = parse(offered);
        return need[0] == have[0] && need[1] <= have[1];
    }

    static int[] parse(String version) {
        Objects.requireNonNull(version, "version");
        String[] parts = version.split("\\.");
        if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
            throw new IllegalArgumentException("An API version is major.minor in digits, not '" + version + "'");
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
