/** The live connection (WebSocket): authenticated at the handshake, carrying chat in a later version. */
package org.kinship.web.live;
