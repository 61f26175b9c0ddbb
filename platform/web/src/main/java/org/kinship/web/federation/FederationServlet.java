package org.kinship.web.federation;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import org.kinship.federation.document.Contexts;
import org.kinship.federation.document.Discovery;
import org.kinship.federation.document.JsonBytes;
import org.kinship.federation.signature.Headers;
import org.kinship.platform.federation.Inbox;
import org.kinship.platform.federation.LocalActors;
import org.kinship.platform.federation.LocalIris;

/**
 * The ActivityPub edge over HTTP: WebFinger and NodeInfo under {@code /.well-known/}, the documents under
 * {@code /ap/}, and the inboxes. A servlet rather than JAX-RS because the inbox needs the body's exact bytes
 * and headers for the signature, and these answers are small and hot. Every error is the API's one shape,
 * {@code {"error": code, "message": text}}.
 */
@WebServlet(urlPatterns = {"/ap/*", "/.well-known/webfinger", "/.well-known/nodeinfo", "/nodeinfo/*"})
public class FederationServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String ACTIVITY_JSON = Contexts.ACTIVITY_JSON + "; charset=utf-8";

    @Inject
    LocalActors actors;

    @Inject
    Inbox inbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        switch (path) {
            case "/.well-known/webfinger" -> {
                String resource = request.getParameter("resource");
                if (resource == null || resource.isBlank()) {
                    error(response, 400, "resource_missing", "Ask for ?resource=acct:name@host.");
                    return;
                }
                answer(response, actors.webFinger(resource.strip()), Discovery.JRD_JSON + "; charset=utf-8", true);
                return;
            }
            case "/.well-known/nodeinfo" -> {
                answer(response, Optional.of(actors.nodeInfoLinks()), "application/json; charset=utf-8", true);
                return;
            }
            case "/nodeinfo/2.1", "/nodeinfo/2.0" -> {
                Discovery.NodeInfoVersion version = path.endsWith("2.1") ? Discovery.NodeInfoVersion.V2_1 : Discovery.NodeInfoVersion.V2_0;
                answer(response, Optional.of(actors.nodeInfo(version)),
                        "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version.number() + "#\"", true);
                return;
            }
            case "/ap/actor" -> {
                answer(response, Optional.of(actors.instance()), ACTIVITY_JSON, false);
                return;
            }
            default -> {
            }
        }
        Optional<LocalIris.Named> named = LocalIris.parsePath(path);
        if (named.isEmpty()) {
            error(response, 404, "not_found", "Nothing here.");
            return;
        }
        LocalIris.Named n = named.get();
        Optional<String> part = n.part();
        // Only a thread's context is paged; elsewhere a query is ignored, as it always was.
        OptionalInt page = "threads".equals(n.kind()) && part.filter("context"::equals).isPresent()
                ? pageNumber(request.getParameter("page")) : OptionalInt.of(0);
        if (page.isEmpty()) {
            error(response, 400, "page_invalid", "Pages are numbered from 1: ?page=1.");
            return;
        }
        Optional<JsonObject> document = switch (n.kind()) {
            case "communities" -> part.isEmpty() ? actors.group(n.key()) : actors.groupCollection(n.key(), part.get());
            case "members" -> n.uuid().flatMap(id -> part.isEmpty() ? actors.member(id) : actors.memberCollection(id, part.get()));
            case "threads" -> part.isEmpty() ? n.uuid().flatMap(actors::thread)
                    : part.get().equals("context") ? n.uuid().flatMap(id -> actors.threadContext(id, page.getAsInt()))
                    : Optional.<JsonObject>empty();
            case "posts" -> part.isEmpty() ? n.uuid().flatMap(actors::post) : Optional.empty();
            case "meetups" -> part.isEmpty() ? n.uuid().flatMap(actors::meetup) : Optional.empty();
            default -> Optional.empty();
        };
        if (document.isPresent() && wantsHtml(request) && part.isEmpty() && document.get().containsKey("url")) {
            // A person following a link in a browser gets the page, not the JSON.
            response.setStatus(303);
            response.setHeader("Location", document.get().getString("url"));
            response.setHeader("Vary", "Accept");
            return;
        }
        if (document.isPresent()) {
            // A community in allow-list mode shares with the servers it chose only: their fetches are signed.
            Optional<Inbox.Outcome> refused = inbox.refusesFetch(n, actors.iris().requestTarget(path, request.getQueryString()),
                    headers(request));
            if (refused.isPresent()) {
                error(response, refused.get().status(), refused.get().code(), refused.get().message());
                return;
            }
        }
        answer(response, document, ACTIVITY_JSON, false);
    }

    /**
     * Inbox POSTs normally come in by {@link InboxDoor}, in front of this servlet; they reach it while the door is
     * not open yet (or in a container without Undertow) and are answered the same way.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Inbox.Address address = InboxPosts.address(path);
        if (address == null) {
            error(response, 405, "not_an_inbox", "Only inboxes take POSTs.");
            return;
        }
        byte[] body = request.getContentLengthLong() > InboxPosts.MAX_BYTES ? null
                : readBounded(request.getInputStream(), InboxPosts.MAX_BYTES);
        Inbox.Outcome outcome = body == null ? Inbox.Outcome.tooLarge()
                : InboxPosts.receive(inbox, actors.iris(), address, path, request.getQueryString(), headers(request), body,
                        request.getRemoteAddr());
        if (outcome.isAccepted()) {
            response.setStatus(202);
            return;
        }
        if (InboxPosts.saysRetryLater(outcome)) {
            response.setHeader("Retry-After", "60");
        }
        error(response, outcome.status(), outcome.code(), outcome.message());
    }

    /** A collection page asked for: absent is 0 (the collection itself), else a number from 1; empty when invalid. */
    static OptionalInt pageNumber(String page) {
        if (page == null) {
            return OptionalInt.of(0);
        }
        if (!page.matches("[1-9][0-9]{0,8}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(page));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !accept.contains("json");
    }

    private static Headers headers(HttpServletRequest request) {
        Headers headers = Headers.empty();
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                headers = headers.with(name, value);
            }
        }
        return headers;
    }

    /** The body, or null when it is longer than {@code limit} (reading stops there). */
    static byte[] readBounded(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static void answer(HttpServletResponse response, Optional<JsonObject> document, String type, boolean cors)
            throws IOException {
        if (document.isEmpty()) {
            error(response, 404, "not_found", "Nothing here.");
            return;
        }
        if (cors) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        response.setStatus(200);
        response.setContentType(type);
        response.setHeader("Cache-Control", "max-age=60");
        response.getOutputStream().write(JsonBytes.write(document.get()));
    }

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(InboxPosts.errorJson(code, message));
    }

}
