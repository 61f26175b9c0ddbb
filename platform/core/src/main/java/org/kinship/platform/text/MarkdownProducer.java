package org.kinship.platform.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One shared {@link Markdown} for the application: it is thread-safe and costly enough to build once. */
@ApplicationScoped
public class MarkdownProducer {
    @Produces
    @Singleton
    Markdown markdown() {
        return new Markdown();
    }
}
