/**
 * The plugin host: finds plugins ({@link org.kinship.plugin.api.KinshipPlugin} through
 * ServiceLoader), runs their migrations, refuses those built for another API version, keeps each
 * community's choice of plugins, hands plugins the request they serve and the platform events they
 * observe. Plugins see only {@code org.kinship.plugin.api}; this package is the one translator
 * between that API and the platform's domain.
 */
package org.kinship.platform.plugin;
