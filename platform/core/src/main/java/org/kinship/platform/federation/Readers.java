package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.jsonld.ContextDocuments;

/**
 * The one {@link ActivityReader} of this server (thread-safe; it keeps the processed contexts), made on first
 * use so that a server that never federates never starts Jena. A context document we do not bundle is
 * logged once per URL, never fetched.
 */
@ApplicationScoped
public class Readers {
    private static final Logger LOG = Logger.getLogger(Readers.class.getName());

    private volatile ActivityReader reader;

    public ActivityReader reader() {
        ActivityReader r = reader;
        if (r == null) {
            synchronized (this) {
                if (reader == null) {
                    reader = new ActivityReader(ContextDocuments.bundled(url ->
                            LOG.fine(() -> "A peer's document named a context we do not bundle (not fetched): " + url)));
                }
                r = reader;
            }
        }
        return r;
    }
}
