package org.kinship.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a plugin is.
 *
 * @param id          stable forever: it is in URLs, table names and each community's settings.
 *                    Lower-case letters, digits and dashes, starting with a letter, 2 to 32 long.
 * @param version     the plugin's own version, shown to operators (any text, for example {@code 1.2.0})
 * @param apiVersion  the {@link PluginApi#VERSION} it was built against; see {@link PluginApi#isCompatible}
 * @param names       the name shown to people, by language tag ({@code en}, {@code nb}); {@code en} required
 * @param descriptions one sentence shown to community admins when they choose plugins, by language tag
 */
public record PluginDescriptor(String id, String version, String apiVersion,
                               Map<String, String> names, Map<String, String> descriptions) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A plugin id is 2-32 lower-case letters, digits or dashes, starting with a letter: '" + id + "'");
        }
        Objects.requireNonNull(version, "version");
        PluginApi.parse(apiVersion);
        names = Map.copyOf(names);
        descriptions = Map.copyOf(descriptions == null ? Map.of() : descriptions);
        if (!names.containsKey("en")) {
            throw new IllegalArgumentException("A plugin needs at least an English name");
        }
    }

    /** The name in {@code language}, or the English one. */
    public String name(String language) {
        return names.getOrDefault(language, names.get("en"));
    }

    /** The description in {@code language}, the English one, or empty. */
    public String description(String language) {
        return descriptions.getOrDefault(language, descriptions.getOrDefault("en", ""));
    }
}
