/**
 * The Kinship platform core: communities, members and their use cases, independent of HTTP.
 * The web module (REST, WebSocket, the web client) and the federation module sit on top of it.
 */
package org.kinship.platform;
