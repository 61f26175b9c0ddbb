/**
 * The toolbox plugin: personal goals, a week planner, a network map and a medication overview that
 * belong to the member and are shared only item by item with people they name; exercises and local links
 * curated by the community's admins. Built against the plugin API alone.
 */
package org.kinship.plugin.toolbox;
