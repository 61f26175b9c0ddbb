package org.kinship.web.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.security.Principal;

/**
 * The one WebSocket endpoint, /live. Live chat (rooms, direct messages, presence) will be carried
 * over it; today it establishes the connection and greets the person. The handshake has already
 * been authenticated by {@link LiveHandshakeGuard} with the same identity as the REST API (session
 * cookie or bearer token), so a connection without one never gets here.
 */
@ServerEndpoint("/live")
public class LiveEndpoint {
    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            // Defence in depth: the guard should have refused the upgrade already.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not_authenticated"));
            return;
        }
        session.getAsyncRemote().sendText("{\"type\":\"welcome\",\"protocol\":1}");
    }
}
