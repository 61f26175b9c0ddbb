package org.kinship.plugin.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Something only some members may do in a plugin (for example curate the exercises). Declare each
 * in {@link KinshipPlugin#permissions()} and check it with {@link PluginRequest#require}.
 *
 * <p>Private data needs no permission: it belongs to its owner and to whom the owner shared it
 * with. No role, not even admin, is a way around that.
 *
 * @param name         stable, lower-case with dots or dashes, unique within the plugin ({@code exercises.curate})
 * @param roles        the roles that hold it in every community
 * @param descriptions what it allows, by language tag, shown to admins
 */
public record PluginPermission(String name, Set<MemberRole> roles, Map<String, String> descriptions) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{1,63}");

    public PluginPermission {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A permission name is lower-case letters, digits, dots or dashes: '" + name + "'");
        }
        roles = Set.copyOf(roles);
        descriptions = Map.copyOf(descriptions == null ? Map.of() : descriptions);
    }

    public boolean heldBy(MemberRole role) {
        return roles.contains(role);
    }
}
