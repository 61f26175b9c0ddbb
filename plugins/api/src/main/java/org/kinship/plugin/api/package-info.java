/**
 * What a Kinship plugin compiles against, and nothing else. Versioned by {@link org.kinship.plugin.api.PluginApi#VERSION}.
 */
package org.kinship.plugin.api;
