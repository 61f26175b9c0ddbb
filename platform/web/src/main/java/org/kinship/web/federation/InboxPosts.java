package org.kinship.web.federation;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.signature.Headers;
import org.kinship.platform.federation.Inbox;
import org.kinship.platform.federation.LocalIris;

/**
 * What an inbox POST is, whichever door it came in by: {@link InboxDoor} on Undertow's I/O thread (the usual
 * way), or {@link FederationServlet#doPost} (while the door is not open yet, or in a container without it).
 * Both answer through these few rules, so the two cannot drift apart.
 */
final class InboxPosts {
    static final int MAX_BYTES = ActivityReader.DEFAULT_MAX_BYTES;

    private InboxPosts() {
    }

    /** Which inbox a path names, or null when it is not an inbox. */
    static Inbox.Address address(String path) {
        if (path.equals("/ap/inbox") || path.equals("/ap/actor/inbox")) {
            return new Inbox.SharedInbox();
        }
        Optional<LocalIris.Named> named = LocalIris.parsePath(path);
        if (named.isEmpty() || !named.get().part().map("inbox"::equals).orElse(false)) {
            return null;
        }
        LocalIris.Named n = named.get();
        if ("communities".equals(n.kind())) {
            return new Inbox.GroupInbox(n.key());
        }
        if ("members".equals(n.kind())) {
            return n.uuid().<Inbox.Address>map(Inbox.MemberInbox::new).orElse(null);
        }
        return null;
    }

    /**
     * Hands the request to the inbox, with its target as the peer signed it ({@link LocalIris#requestTarget}).
     *
     * @param query the query as sent, null when there was none
     */
    static Inbox.Outcome receive(Inbox inbox, LocalIris iris, Inbox.Address address, String rawPath, String query,
            Headers headers, byte[] body, String remoteAddress) {
        return inbox.receive(new Inbox.Delivery(address, iris.requestTarget(rawPath, query), headers, body, remoteAddress));
    }

    static Inbox.Outcome busy() {
        return new Inbox.Outcome(503, "unavailable", "The inbox is busy; retry later.");
    }

    /** Both say "not now": peers that honour Retry-After come back then instead of at their own pace. */
    static boolean saysRetryLater(Inbox.Outcome outcome) {
        return outcome.status() == 429 || outcome.status() == 503;
    }

    /** The API's one error shape. */
    static byte[] errorJson(String code, String message) {
        return Json.createObjectBuilder().add("error", code).add("message", message).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
