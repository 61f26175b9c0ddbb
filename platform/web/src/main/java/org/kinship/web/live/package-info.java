/** The live connection (WebSocket): authenticated at the handshake, carrying live chat: protocol types, codecs, the connection registry and the in-JVM fan-out. */
package org.kinship.web.live;
