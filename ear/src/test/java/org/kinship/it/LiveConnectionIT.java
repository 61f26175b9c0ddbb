package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Tokens;

/** The WebSocket accepts the same identity as the REST API, and refuses the handshake without one. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveConnectionIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.kinshipEar();
    }

    private static URI live() {
        return URI.create(Api.baseUrl().replace("http:", "ws:") + "/live");
    }

    @Test
    void aBearerTokenOpensTheLiveConnection() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of(Tokens.ADA))
                .buildAsync(live(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        first.complete(data.toString());
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        assertTrue(first.get(10, TimeUnit.SECONDS).contains("\"welcome\""));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void theHandshakeIsRefusedWithoutIdentity() {
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () ->
                HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(live(), new WebSocket.Listener() { }).join());
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, String.valueOf(refused.getCause()));
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void aPageOfAnotherOriginCannotOpenIt() throws Exception {
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () ->
                HttpClient.newHttpClient().newWebSocketBuilder()
                        .header("Authorization", "Bearer " + Tokens.of(Tokens.ADA))
                        .header("Origin", "http://evil.example")
                        .buildAsync(live(), new WebSocket.Listener() { }).join());
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        // Kinship's own pages may: the Origin of the address the tests reach it at.
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.of(Tokens.ADA))
                .header("Origin", Api.baseUrl())
                .buildAsync(live(), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = Tokens.of(Tokens.ADA).substring(0, 40) + "x" + Tokens.of(Tokens.ADA).substring(41);
        CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () ->
                HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + forged)
                        .buildAsync(live(), new WebSocket.Listener() { }).join());
        assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }
}
