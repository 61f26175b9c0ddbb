/**
 * What a Kinship plugin compiles against, and nothing else.
 *
 * <h2>Writing a plugin</h2>
 * <ol>
 *   <li>Depend on {@code org.kinship:kinship-plugin-api} and {@code jakarta.platform:jakarta.jakartaee-api}
 *       (both {@code provided}: the server has them).</li>
 *   <li>Implement {@link org.kinship.plugin.api.KinshipPlugin} and name the class in
 *       {@code META-INF/services/org.kinship.plugin.api.KinshipPlugin}.</li>
 *   <li>Put Flyway SQL under the folder {@link org.kinship.plugin.api.KinshipPlugin#migrations()} names,
 *       JAX-RS resource classes for {@link org.kinship.plugin.api.KinshipPlugin#resource}, and ES modules for
 *       {@link org.kinship.plugin.api.KinshipPlugin#pages()} under {@code kinship-plugin/{id}/web/}.</li>
 *   <li>Add the jar to a server (README: "Adding a plugin"); each community admin then enables it.</li>
 * </ol>
 *
 * <h2>Promises to keep</h2>
 * <ul>
 *   <li>Private data belongs to the member. Moderators, admins and the people who run the server do not
 *       read it unless the member shared it with them; do not write it to logs or errors.</li>
 *   <li>Bad input is a {@link org.kinship.plugin.api.PluginException} with a stable code and changes nothing.</li>
 *   <li>Key rows by the ids the API gives (community, member); on
 *       {@link org.kinship.plugin.api.PlatformEvent.MemberDeleted} delete what that member owns.</li>
 * </ul>
 *
 * Versioned by {@link org.kinship.plugin.api.PluginApi#VERSION}: minor versions add, major versions may break.
 */
package org.kinship.plugin.api;
