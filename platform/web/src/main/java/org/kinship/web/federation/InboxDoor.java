package org.kinship.web.federation;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.federation.signature.Headers;
import org.kinship.platform.federation.Inbox;
import org.kinship.platform.federation.LocalIris;

/**
 * The inboxes' own door into the server: an Undertow handler in front of the servlet container that takes
 * POSTs to an inbox, reads the body without blocking, has it checked and stored on an inbox thread, and
 * answers on the connection's I/O thread.
 *
 * <p>Why not the servlet: a servlet's answer is completed on the worker thread that ran it, and Undertow
 * (2.3.23) then re-arms the connection for the next request inside a short critical section that its I/O
 * thread waits out by spinning. Peers deliver one activity after another on a kept-alive connection, so the
 * next request arrives right in that window; on two busy cores the worker is descheduled inside it and the
 * I/O thread spins through its time slice. In the federation benchmark that spin was a fifth of the
 * server's CPU (BENCHMARKS.md, "The I/O-thread loop"). An answer completed on the I/O thread re-arms the
 * connection without that section. The servlet container's per-request work (wrappers, filters, listeners)
 * is skipped too; nothing of it applies to a peer's POST.
 *
 * <p>Everything the inbox decides stays in {@link Inbox}; {@link InboxPosts} holds what the two doors share.
 * Until {@link FederationWorkers} has opened this door (and after it closed it), inbox POSTs go to
 * {@link FederationServlet} as before.
 */
public final class InboxDoor implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(InboxDoor.class.getName());
    /** The servlet context attribute under which {@link FederationWorkers} leaves an {@link Open} door. */
    static final String OPEN = InboxDoor.class.getName() + ".open";
    private static final HttpString RETRY_AFTER = new HttpString("Retry-After");
    private static final HttpString CONTENT_TYPE = new HttpString("Content-Type");

    /** What the door needs once the application has started: the inbox, our public URL, and its threads. */
    record Open(Inbox inbox, LocalIris iris, ExecutorService threads, int maxWaiting) {
        boolean full() {
            return threads instanceof ThreadPoolExecutor pool && pool.getQueue().size() >= maxWaiting;
        }
    }

    /** Installs the door in front of this web module's servlets (named in META-INF/services). */
    public static final class Installer implements ServletExtension {
        @Override
        public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
            deployment.addInitialHandlerChainWrapper(next -> new InboxDoor(next, context));
        }
    }

    private final HttpHandler next;
    private final ServletContext context;

    InboxDoor(HttpHandler next, ServletContext context) {
        this.next = next;
        this.context = context;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Inbox.Address address = Methods.POST.equals(exchange.getRequestMethod()) ? InboxPosts.address(exchange.getRelativePath()) : null;
        Open open = address == null ? null : (Open) context.getAttribute(OPEN);
        if (open == null) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.getRequestContentLength() > InboxPosts.MAX_BYTES) {
            refuseUnread(exchange, Inbox.Outcome.tooLarge());
            return;
        }
        if (open.full()) {
            refuseUnread(exchange, InboxPosts.busy());
            return;
        }
        // Read in pieces and counted, rather than receiveFullBytes with a limit: past a limit Undertow drops the
        // connection, and the peer would read a reset instead of its 413. Past ours, the rest is read and dropped.
        long declared = exchange.getRequestContentLength();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        boolean[] over = {false};
        exchange.getRequestReceiver().receivePartialBytes(
                (read, piece, last) -> {
                    if (!over[0] && body.size() + piece.length > InboxPosts.MAX_BYTES) {
                        over[0] = true;
                        body.reset();
                    }
                    if (!over[0]) {
                        body.write(piece, 0, piece.length);
                    }
                    if (!last) {
                        return;
                    }
                    if (over[0]) {
                        answer(read, Inbox.Outcome.tooLarge());
                    } else {
                        byte[] whole = body.toByteArray();
                        read.dispatch(onInboxThread(read, open), (HttpHandler) checked -> check(checked, open, address, whole));
                    }
                },
                (failed, error) -> {
                    // The peer went away, sent a broken body, or more than the server's max-post-size: nobody is
                    // left to answer, or Undertow has closed the connection.
                    LOG.log(Level.FINE, "An inbox POST's body could not be read", error);
                    try {
                        failed.getConnection().close();
                    } catch (IOException closing) {
                        LOG.log(Level.FINE, "Closing after a broken inbox POST", closing);
                    }
                });
    }

    /**
     * The inbox threads, as an executor that cannot fail the exchange: while the application stops they take no
     * more work, and the peer is told to come back (503) instead of Undertow answering 500.
     */
    private static Executor onInboxThread(HttpServerExchange exchange, Open open) {
        return task -> {
            try {
                open.threads().execute(task);
            } catch (RejectedExecutionException stopping) {
                exchange.getIoThread().execute(() -> answer(exchange, InboxPosts.busy()));
            }
        };
    }

    /** On an inbox thread: the whole of {@link Inbox#receive}, then back to the I/O thread with its outcome. */
    private static void check(HttpServerExchange exchange, Open open, Inbox.Address address, byte[] body) {
        Inbox.Outcome outcome;
        try {
            String query = exchange.getQueryString(); // Undertow's "" is the servlet's null: no query
            outcome = InboxPosts.receive(open.inbox(), open.iris(), address, rawPath(exchange), query.isEmpty() ? null : query,
                    headers(exchange), body, exchange.getSourceAddress().getAddress().getHostAddress());
        } catch (RuntimeException unexpected) {
            // Inbox.receive turns its own failures into outcomes; this is the door's own, and still not a 500.
            LOG.log(Level.WARNING, "The inbox door could not hand over an activity", unexpected);
            outcome = new Inbox.Outcome(422, "unprocessable", "The activity could not be processed.");
        }
        Inbox.Outcome answer = outcome;
        exchange.dispatch(exchange.getIoThread(), (HttpHandler) io -> answer(io, answer));
    }

    /**
     * Refused before the body was read: answered at once. Undertow then reads the rest of the body and drops it
     * (up to the server's max-post-size, past which it closes the connection), so the peer reads its answer
     * instead of a reset connection, and may go on using it.
     */
    private static void refuseUnread(HttpServerExchange exchange, Inbox.Outcome outcome) {
        answer(exchange, outcome);
    }

    /** Writes the answer; on the I/O thread, so the connection is ready for the peer's next request at once. */
    private static void answer(HttpServerExchange exchange, Inbox.Outcome outcome) {
        exchange.setStatusCode(outcome.status());
        if (outcome.isAccepted()) {
            exchange.setResponseContentLength(0);
            exchange.endExchange();
            return;
        }
        if (InboxPosts.saysRetryLater(outcome)) {
            exchange.getResponseHeaders().put(RETRY_AFTER, "60");
        }
        byte[] json = InboxPosts.errorJson(outcome.code(), outcome.message());
        exchange.getResponseHeaders().put(CONTENT_TYPE, "application/json; charset=utf-8");
        exchange.setResponseContentLength(json.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(json));
    }

    /** The path as the peer sent it (what it signed), without our context path. */
    private static String rawPath(HttpServerExchange exchange) {
        String uri = exchange.getRequestURI();
        String path = exchange.isHostIncludedInRequestURI() ? URI.create(uri).getRawPath() : uri;
        return path.substring(exchange.getResolvedPath().length());
    }

    private static Headers headers(HttpServerExchange exchange) {
        Headers headers = Headers.empty();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            for (String value : values) {
                headers = headers.with(name, value);
            }
        }
        return headers;
    }
}
