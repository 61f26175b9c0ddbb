package org.kinship.plugin.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One request to a plugin, in one community: what the plugin may know about who is asking and
 * where. Made by the host for each HTTP request; do not keep it beyond the request.
 */
public interface PluginRequest {

    /** The community the request is addressed to (it exists, and has this plugin enabled). */
    CommunityInfo community();

    /**
     * The member making the request, if they are signed in and an active member of this community.
     * Empty for someone signed out, not a member, waiting for approval, gone or banned.
     */
    Optional<Member> member();

    /**
     * The member making the request.
     *
     * @throws PluginException {@code not_authenticated} (401) when signed out, {@code not_a_member} (403) otherwise
     */
    Member requireMember();

    /** An active member of this community by their id; empty for an unknown id, another community's member, or one who left. */
    Optional<Member> member(String memberId);

    /** An active member of this community by pseudonym (compared as the platform compares them); empty if none. */
    Optional<Member> memberNamed(String pseudonym);

    /** Whether the current member holds {@code permission} here (false when there is no member). */
    boolean has(PluginPermission permission);

    /**
     * Fails unless the current member holds {@code permission}.
     *
     * @throws PluginException {@code not_authenticated}, {@code not_a_member} or {@code forbidden} (403)
     */
    Member require(PluginPermission permission);

    /** The plugin's tables. */
    PluginDatabase database();

    /** The language the client asked for ({@code en} or {@code nb}), for text the server writes. */
    String language();

    /** The server's clock: use it instead of {@link Instant#now()} so that tests can rely on it. */
    Instant now();
}
