package org.kinship.web.live;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one WebSocket endpoint, /live: live chat (rooms, direct messages, presence). The handshake has
 * already been authenticated by {@link LiveHandshakeGuard} with the same identity as the REST API
 * (session cookie or bearer token), so a connection without one never gets here. The endpoint only
 * connects the container to {@link ChatFrames}; frames are typed by {@link ClientFrameDecoder} and
 * {@link ServerFrameEncoder}. The protocol is described in README.md ("Live chat").
 */
@ServerEndpoint(value = "/live", decoders = ClientFrameDecoder.class, encoders = ServerFrameEncoder.class)
public class LiveEndpoint {
    private static final Logger LOG = Logger.getLogger(LiveEndpoint.class.getName());

    @Inject
    ChatFrames frames;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal principal = session.getUserPrincipal();
        if (principal == null) {
            // Defence in depth: the guard should have refused the upgrade already.
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not_authenticated"));
            return;
        }
        session.setMaxIdleTimeout(0);
        frames.open(session, principal);
    }

    @OnMessage(maxMessageSize = ChatLimits.CONTAINER_MAX_FRAME)
    public void message(ClientFrame frame, Session session) {
        frames.handle(session, frame);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        frames.closed(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        // A broken connection concerns this connection only; @OnClose follows and cleans up.
        LOG.log(Level.FINE, "live connection error", failure);
    }
}
