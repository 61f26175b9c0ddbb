package org.kinship.federation.jsonld;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether what a sender embedded is the sender's to say. A server may only speak for objects on its own
 * host: an embedded object claiming another host's id is either refused or fetched from its origin
 * (FEP-1b12 announces carry other hosts' activities; the caller fetches those by id instead of trusting
 * the embedded copy).
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * The ids of the document and of everything embedded in it (objects, targets, nested activities) that
     * are not on the sender's host. Links (ids only) are not claims and are not listed. Empty means all is
     * the sender's own.
     *
     * @param sender the actor (or key) id the signature was verified for
     */
    public static List<URI> foreignIds(IncomingDocument document, URI sender) {
        List<URI> foreign = new ArrayList<>();
        collect(document, sender, foreign, 0);
        return foreign;
    }

    /** Whether two ids are on the same host (scheme's default port folded, host case-insensitive). */
    public static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && b.getHost() != null
                && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
                && port(a) == port(b);
    }

    private static void collect(IncomingDocument document, URI sender, List<URI> foreign, int depth) {
        document.id().filter(id -> !sameHost(id, sender)).ifPresent(foreign::add);
        if (depth > 8 || !(document instanceof Incoming activity)) {
            return;
        }
        for (Optional<Ref> ref : List.of(activity.object(), activity.target())) {
            if (ref.isPresent() && ref.get() instanceof Ref.Embedded embedded) {
                collect(embedded.document(), sender, foreign, depth + 1);
            }
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
