package org.kinship.plugin.api;

import java.util.List;

/**
 * A Kinship plugin: the one class the host finds, registered by one line in
 * {@code META-INF/services/org.kinship.plugin.api.KinshipPlugin}.
 *
 * <p>The host makes one instance per server and keeps it for the server's life, so it holds only
 * what every request shares (configuration, caches it can rebuild). Everything about one request
 * (the community, the member) comes in a {@link PluginRequest}; a plugin refers to platform
 * things by id only.
 *
 * <p>What a plugin contributes, each through one method here:
 * <ul>
 *   <li>its identity and the API version it needs: {@link #descriptor()};</li>
 *   <li>its tables: {@link #migrations()}, Flyway SQL scripts run in version order at start-up,
 *       with their own history table, before any request reaches the plugin;</li>
 *   <li>REST resources under {@code /api/communities/{community}/plugins/{id}/}: {@link #resource(PluginRequest)};</li>
 *   <li>pages and navigation entries in the web client: {@link #pages()}, ES modules served from
 *       the plugin's jar under {@code kinship-plugin/{id}/web/};</li>
 *   <li>its permissions: {@link #permissions()}, checked with {@link PluginRequest#has(PluginPermission)};</li>
 *   <li>what it does when something happens on the platform: {@link #onEvent(PlatformEvent, PluginDatabase)};</li>
 *   <li>how its data in one community is deleted when the admin asks: {@link #deleteCommunityData(String, PluginDatabase)}.</li>
 * </ul>
 *
 * <p>Each community admin switches a plugin on or off for their community at runtime. While it is
 * off, the host answers its endpoints with {@code plugin_not_enabled} (never calling
 * {@link #resource}), hides its pages, and keeps its data; {@link #onEvent} still runs, so that a
 * member who deletes their account leaves nothing behind in any plugin.
 */
public interface KinshipPlugin {

    /** Who this plugin is. Called once at discovery; must not touch the database. */
    PluginDescriptor descriptor();

    /**
     * The classpath folder holding this plugin's Flyway migrations ({@code V1__goals.sql}, ...),
     * or {@code null} for a plugin without tables. Write SQL that runs on both PostgreSQL and H2
     * (the embedded demo database); a script that must differ goes in a sub-folder
     * {@code postgresql/} or {@code h2/} of this folder, which the host adds for its database.
     * Name tables after the plugin ({@code toolbox_goal}) so they never meet the platform's.
     */
    default String migrations() {
        return null;
    }

    /**
     * The JAX-RS resource that answers {@code /api/communities/{community}/plugins/{id}/...} for one
     * request: an object whose class carries {@code @GET}, {@code @Path}, ... (a sub-resource, so no
     * {@code @Path} on the class itself). Paths in it are relative to the plugin's base; its own
     * root is {@code @Path("")} or a method without {@code @Path}. Bodies are read and written with
     * JSON-B, so records work. Throw {@link PluginException} for an answer the client should see.
     *
     * <p>Called only when the community exists and has the plugin enabled. The request may come
     * from someone signed out or not a member: check {@link PluginRequest#member()}.
     */
    Object resource(PluginRequest request);

    /** The pages this plugin adds to the web client. Empty by default. */
    default List<PluginPage> pages() {
        return List.of();
    }

    /** The permissions this plugin checks, with the roles that hold each. Empty by default. */
    default List<PluginPermission> permissions() {
        return List.of();
    }

    /**
     * Something happened on the platform. Called for every loaded plugin whether or not the
     * community has it enabled. Must be quick.
     *
     * <p>{@link PlatformEvent.MemberDeleted} comes inside the account deletion's own transaction
     * (your {@link PluginDatabase} work joins it): if you throw, nothing of the deletion happens and
     * the person can try again, so a member's data is deleted everywhere or nowhere. Every other
     * event comes after the platform's change is stored, on another thread, in a transaction of
     * this plugin's own: a thrown exception is logged and rolls back only this plugin's work.
     */
    default void onEvent(PlatformEvent event, PluginDatabase database) {
    }

    /**
     * The admin of a community asked to delete everything this plugin stored for the community
     * (only possible while the plugin is disabled there). Delete every row for that community.
     */
    default void deleteCommunityData(String communityId, PluginDatabase database) {
    }
}
