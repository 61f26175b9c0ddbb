package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kinship.federation.jsonld.ActivityReader;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.federation.signature.ActorKeyCheck;
import org.kinship.federation.signature.Headers;
import org.kinship.federation.signature.HttpMessage;
import org.kinship.federation.signature.KeyMaterial;
import org.kinship.federation.signature.KeyResolver;
import org.kinship.federation.signature.SignatureVerifier;
import org.kinship.federation.signature.VerificationKey;
import org.kinship.federation.signature.VerificationResult;
import org.kinship.platform.chat.TokenBucket;
import org.kinship.platform.community.Community;
import org.kinship.platform.community.CommunityId;
import org.kinship.platform.community.CommunityRepository;
import org.kinship.platform.error.KinshipException;

/**
 * Every activity that reaches one of our inboxes goes through the same steps, cheapest first, and stops at
 * the first refusal with a 4xx and a reason: size → rate per remote host → parse → local-control policy (before
 * anything is fetched) → signature (which may fetch the signer's key, now that the policy admits it) → key owner
 * is the actor → seen before? → stored (receipt and body, one short transaction) → applied by {@link InboxWork}.
 * Nothing is kept for a refused activity; a repeated one is answered 202 and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());
    private static final Pattern KEY_ID = Pattern.compile("keyid=\"([^\"]{1,2048})\"", Pattern.CASE_INSENSITIVE);
    /**
     * One factory for every activity: {@code Json.createReader} looks the JSON-P provider up with a ServiceLoader on
     * each call, 4 % of the inbox's CPU in the federation benchmark. Reader factories are thread-safe.
     */
    private static final JsonReaderFactory JSON = JsonProvider.provider().createReaderFactory(Map.of());

    /** Which inbox was posted to. */
    public sealed interface Address {
    }

    public record SharedInbox() implements Address {
    }

    public record GroupInbox(String slug) implements Address {
    }

    public record MemberInbox(java.util.UUID member) implements Address {
    }

    /** What the servlet hands over: the request as received, the target rebuilt from our public URL. */
    public record Delivery(Address address, URI target, Headers headers, byte[] body, String remoteAddress) {
    }

    /** The answer: a status, and for anything but 202 a stable code and a sentence for the peer's logs. */
    public record Outcome(int status, String code, String message) {
        static Outcome accepted() {
            return new Outcome(202, "accepted", "Accepted.");
        }

        static Outcome duplicate() {
            return new Outcome(202, "duplicate", "Already received; nothing changed.");
        }

        static Outcome refused(int status, String code, String message) {
            return new Outcome(status, code, message);
        }

        /** A body over the limit: refused by the inbox, and by its doors before they read it all. */
        public static Outcome tooLarge() {
            return new Outcome(413, "too_large", "Activities are limited to " + ActivityReader.DEFAULT_MAX_BYTES + " bytes.");
        }

        public boolean isAccepted() {
            return status == 202;
        }
    }

    private final Map<String, TokenBucket> perHost = new ConcurrentHashMap<>();
    /**
     * The very same signed request twice is a replay (peers that retry sign again); remembered for the hour a
     * signature is valid, per node. An activity resent under a new signature is caught by its id instead.
     */
    private final org.kinship.federation.signature.ReplayGuard replays =
            new org.kinship.federation.signature.InMemoryReplayGuard(java.time.Clock.systemUTC(), 200_000);
    private final int burst = Integer.getInteger("kinship.federation.inbox.burst", 2_000);
    private final double perSecond = Double.parseDouble(System.getProperty("kinship.federation.inbox.per-second", "200"));
    /** The answer waits for the effect while fewer than this many activities are being applied on this node. */
    private final int waitBelow = Integer.getInteger("kinship.federation.inbox.wait-below", 4);
    private final long waitMillis = Long.getLong("kinship.federation.inbox.wait-millis", 10_000);

    @Inject
    Readers readers;

    @Inject
    FederationGate gate;

    @Inject
    CommunityRepository communities;

    @Inject
    RemoteActors remoteActors;

    @Inject
    Receipts receipts;

    @Inject
    InboxWork work;

    @Inject
    InboxIntake intake;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();

    // What the pipeline looks up for every activity, remembered briefly (see Recently). A thread's or a date's
    // community never changes; the rest is re-read after a few seconds, and the worker checks the policy again.
    private final Recently<URI, RemoteActor> actors = new Recently<>(java.time.Duration.ofMinutes(1), 50_000);
    private final Recently<String, Community> bySlug = new Recently<>(java.time.Duration.ofSeconds(10), 10_000);
    private final Recently<CommunityId, Community> byId = new Recently<>(java.time.Duration.ofSeconds(10), 10_000);
    private final Recently<java.util.UUID, CommunityId> placeOf = new Recently<>(java.time.Duration.ofHours(1), 100_000);
    /** Parsing a PEM key costs more than verifying a signature with it. Keyed by the PEM itself: never stale. */
    private final Recently<String, java.security.PublicKey> parsedKeys = new Recently<>(java.time.Duration.ofHours(1), 50_000);
    /** Actors being fetched again right now, by IRI: one fetch per actor at a time (see refreshed). */
    private final Map<URI, CompletableFuture<RemoteActor>> refreshing = new ConcurrentHashMap<>();
    private final Recently<java.util.UUID, List<CommunityId>> following = new Recently<>(java.time.Duration.ofSeconds(10), 50_000);

    /**
     * A follow that changed (an admin followed a Group, which may announce before it accepts) or a community that
     * changed: forgotten at once on this node, so its next activity is addressed by what is in the database.
     */
    void changed(@jakarta.enterprise.event.Observes org.kinship.platform.persistence.EntityChanged change) {
        if (change.entity() instanceof FederationFollow) {
            following.clear();
        } else if (change.entity() instanceof Community) {
            bySlug.clear();
            byId.clear();
        }
    }

    public Outcome receive(Delivery delivery) {
        try (InboxWork.Answering answering = work.answering()) {
            return pipeline(delivery, answering);
        } catch (KinshipException refused) {
            return Outcome.refused(refused.code().httpStatus(), refused.code().wireName(), refused.getMessage());
        } catch (Exception unexpected) {
            // A bug must not become a 500 to a peer that may retry for days, nor a partial write (the receive
            // transaction rolled back). Exception, not RuntimeException: the transaction interceptor rethrows a
            // failed commit's checked RollbackException as it is. Logged for us; the peer learns only that we
            // could not take it.
            LOG.log(Level.WARNING, "Inbox could not process an activity", unexpected);
            return Outcome.refused(422, "unprocessable", "The activity could not be processed.");
        }
    }

    private Outcome pipeline(Delivery delivery, InboxWork.Answering answering) {
        if (delivery.body().length > ActivityReader.DEFAULT_MAX_BYTES) {
            return Outcome.tooLarge();
        }
        String host = signerHost(delivery.headers()).orElse(delivery.remoteAddress());
        if (!allow(host)) {
            return Outcome.refused(429, "rate_limited", "Too many activities from " + host + "; retry later.");
        }
        ReadResult<Incoming> read = readers.reader().readActivity(delivery.body());
        if (read instanceof ReadResult.Refused<Incoming> refused) {
            return Outcome.refused(400, refused.reason().code(), refused.message());
        }
        Incoming activity = ((ReadResult.Read<Incoming>) read).value();
        if (activity.isUnknownType()) {
            return Outcome.refused(400, "unsupported_activity", "Kinship does not handle " + activity.typeIris() + ".");
        }
        if (activity.id().isEmpty()) {
            return Outcome.refused(400, "invalid_id", "An activity needs an id.");
        }
        URI actor = activity.actor().orElse(null);
        if (actor == null || actor.getHost() == null) {
            return Outcome.refused(400, "actor_missing", "An activity needs an actor.");
        }
        if (iris.isLocal(actor) || iris.isLocal(activity.id().get())) {
            return Outcome.refused(403, "local_actor", "Activities of this server's own actors are not accepted from outside.");
        }
        if (!RemoteActors.sameOrigin(activity.id().get(), actor)) {
            return Outcome.refused(400, "foreign_id", "The activity's id is not on its actor's server.");
        }

        // What this server knows of the actor, looked up once: the addressing (whom it follows), the key and the
        // receipt all need it.
        Sender sender = new Sender(actor, actors.get(actor, remoteActors::known));

        // Local control, before anything is fetched: which of our communities is this for, and do they admit it?
        Collection<Community> addressed = addressed(delivery.address(), activity, sender);
        if (addressed.isEmpty()) {
            return Outcome.refused(404, "no_recipient", "No community here federates with this activity's audience.");
        }
        List<Community> admitted = addressed.stream().filter(c -> gate.admits(c.id(), actor)).toList();
        if (admitted.isEmpty()) {
            return Outcome.refused(403, "not_allowed", "This server's communities do not federate with " + actor.getHost() + ".");
        }

        VerificationResult verified = ActorKeyCheck.requireOwner(verifier(sender).verify(
                HttpMessage.request("POST", delivery.target(), delivery.headers(), delivery.body())), actor.toString());
        if (verified instanceof VerificationResult.Refused refused) {
            return Outcome.refused(refused.reason().httpStatus(), refused.reason().code(), refused.message());
        }
        URI id = activity.id().get();
        RemoteActor from = sender.fresh(clock.instant()).orElseGet(() -> remoteActors.resolve(actor));
        InboxIntake.Row row = receipts.row(id, from.host(), new String(delivery.body(), StandardCharsets.UTF_8), from.iri(), admitted);
        boolean stored;
        try {
            stored = intake.store(row).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return Outcome.refused(503, "unavailable", "The server is stopping; retry later.");
        } catch (ExecutionException | TimeoutException failed) {
            LOG.log(Level.WARNING, "The inbox could not store an activity", failed);
            return Outcome.refused(503, "unavailable", "The activity could not be stored just now; retry later.");
        }
        if (!stored) {
            return Outcome.duplicate();
        }
        answering.close(); // stored: from here on the request only waits, and the workers need not make way for it
        return applied(new InboxWork.Item(row.hash(), activity, rawJson(delivery.body()), from, admitted,
                new CompletableFuture<>()));
    }

    /**
     * Authorized fetch for communities in allow-list mode: what they share is for the servers they chose, so a GET
     * of their Group, members, threads, posts, contexts or dates must be signed (draft-cavage or RFC 9421, as our
     * own fetches are) by an actor of an admitted server. The signer's server is checked against the policy
     * before its key is fetched, as in the inbox. Open communities answer anyone, as the Fediverse expects.
     *
     * @return empty when the request may read the document; otherwise the refusal (401 unsigned or badly signed,
     *         403 a server the community does not federate with)
     */
    public Optional<Outcome> refusesFetch(LocalIris.Named named, URI target, Headers headers) {
        Optional<CommunityId> community = communityOf(named);
        if (community.isEmpty() || gate.mode(community.get()) != FederationMode.ALLOW_LIST) {
            return Optional.empty();
        }
        Optional<String> keyId = signedKeyId(headers);
        if (keyId.isEmpty()) {
            return Optional.of(Outcome.refused(401, "signature_missing",
                    "This community shares only with the servers it chose: sign the request with your server's key."));
        }
        URI owner;
        try {
            owner = stripFragment(URI.create(keyId.get()));
        } catch (IllegalArgumentException e) {
            return Optional.of(Outcome.refused(400, "signature_malformed", "The signature's keyId is not a URI."));
        }
        if (owner.getHost() == null || !gate.admitsServerOf(community.get(), owner)) {
            return Optional.of(Outcome.refused(403, "not_allowed", "This community does not federate with "
                    + (owner.getHost() == null ? "that signer" : owner.getHost()) + "."));
        }
        Sender sender = new Sender(owner, actors.get(owner, remoteActors::known));
        // No replay guard: a peer may fetch the same document twice in a second, and a GET changes nothing.
        SignatureVerifier verifier = new SignatureVerifier(keyResolver(sender), clock,
                org.kinship.federation.signature.VerificationPolicy.INBOX, org.kinship.federation.signature.ReplayGuard.NONE);
        VerificationResult verified = ActorKeyCheck.requireOwner(
                verifier.verify(HttpMessage.request("GET", target, headers, new byte[0])), owner.toString());
        if (verified instanceof VerificationResult.Refused refused) {
            return Optional.of(Outcome.refused(refused.reason().httpStatus(), refused.reason().code(), refused.message()));
        }
        return Optional.empty();
    }

    /** The community an ActivityPub path of ours belongs to. */
    private Optional<CommunityId> communityOf(LocalIris.Named n) {
        return switch (n.kind()) {
            case "communities" -> bySlug.get(n.key(), communities::findBySlug).map(Community::id);
            case "members" -> n.uuid().flatMap(receipts::communityOfMember);
            case "threads", "posts" -> n.uuid().flatMap(u -> placeOf.get(u, receipts::communityOfForumObject));
            case "meetups" -> n.uuid().flatMap(u -> placeOf.get(u, receipts::communityOfMeetupDate));
            default -> Optional.empty();
        };
    }

    /**
     * Stored, so accepted; applied by {@link InboxWork}. When this node has little else to apply, the answer waits for
     * the effect, so that the peer learns of a refusal (a reply to a thread that is not shared) and a client sees its
     * effect when the 202 comes. Under load it does not wait: the peer gets its 202 at the speed of the checks above,
     * and the backlog is applied behind it.
     */
    private Outcome applied(InboxWork.Item item) {
        boolean wait = work.backlog() < waitBelow;
        if (!work.submit(item) || !wait) {
            item.answer().complete(Outcome.accepted());
        } else {
            try {
                item.answer().get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                item.answer().complete(Outcome.accepted());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                item.answer().complete(Outcome.accepted());
            } catch (ExecutionException impossible) {
                item.answer().complete(Outcome.accepted()); // completed only with outcomes, never exceptionally
            }
        }
        return item.answer().join();
    }

    /**
     * The communities an activity is for: the inbox's own, or those named in its addressing and follows. Each
     * once, by id: a reply names its community both as audience and through the thread it answers, and a second
     * copy of the community would be looked up again and handed to the Receiver twice.
     */
    private Collection<Community> addressed(Address address, Incoming activity, Sender sender) {
        Map<CommunityId, Community> found = new LinkedHashMap<>();
        if (address instanceof GroupInbox group) {
            bySlug.get(group.slug(), communities::findBySlug).ifPresent(c -> found.put(c.id(), c));
            return found.values();
        }
        if (address instanceof MemberInbox member) {
            receipts.communityOfMember(member.member()).ifPresent(id -> addById(found, id));
            return found.values();
        }
        Set<URI> named = new LinkedHashSet<>();
        named.addAll(activity.audience());
        named.addAll(activity.to());
        named.addAll(activity.cc());
        activity.object().flatMap(org.kinship.federation.jsonld.Ref::id).ifPresent(named::add);
        activity.embeddedObject().ifPresent(o -> {
            named.addAll(o.audience());
            named.addAll(o.to());
            named.addAll(o.cc());
            o.inReplyTo().ifPresent(named::add);
        });
        activity.embeddedActivity().ifPresent(inner -> {
            named.addAll(inner.audience());
            inner.object().flatMap(org.kinship.federation.jsonld.Ref::id).ifPresent(named::add);
        });
        for (URI uri : named) {
            iris.parse(uri).ifPresent(n -> {
                switch (n.kind()) {
                    case "communities" -> {
                        if (found.values().stream().noneMatch(c -> c.slug().value().equals(n.key()))) {
                            bySlug.get(n.key(), communities::findBySlug).ifPresent(c -> found.put(c.id(), c));
                        }
                    }
                    case "threads", "posts" -> n.uuid().flatMap(u -> placeOf.get(u, receipts::communityOfForumObject))
                            .ifPresent(id -> addById(found, id));
                    case "meetups" -> n.uuid().flatMap(u -> placeOf.get(u, receipts::communityOfMeetupDate))
                            .ifPresent(id -> addById(found, id));
                    default -> {
                    }
                }
            });
        }
        sender.known.ifPresent(known -> following.get(known.id(), k -> Optional.of(receipts.communitiesFollowing(known)))
                .orElse(List.of()).forEach(id -> addById(found, id)));
        return found.values();
    }

    /** Loads a community only when it is not among those found already. */
    private void addById(Map<CommunityId, Community> found, CommunityId id) {
        if (!found.containsKey(id)) {
            byId.get(id, communities::find).ifPresent(c -> found.put(id, c));
        }
    }

    private SignatureVerifier verifier(Sender sender) {
        return new SignatureVerifier(keyResolver(sender), clock, org.kinship.federation.signature.VerificationPolicy.INBOX, replays);
    }

    /** Keys by id: the stored actor's when it has that key, else the actor fetched again from its origin. */
    private KeyResolver keyResolver(Sender sender) {
        return keyId -> {
            URI key = URI.create(keyId);
            URI owner = stripFragment(key);
            try {
                boolean byActor = owner.equals(sender.iri);
                Optional<RemoteActor> known = byActor ? sender.known : actors.get(owner, remoteActors::known);
                RemoteActor actor = known.filter(a -> hasKey(a, keyId)).orElseGet(() -> refreshed(owner, keyId));
                if (byActor && actor.iri().equals(sender.iri)) {
                    sender.known = Optional.of(actor); // fetched just now (a new actor, or a new key): fresh
                }
                if (actor.keyId().isEmpty() || !actor.keyId().get().toString().equals(keyId) || actor.publicKeyPem().isEmpty()) {
                    return Optional.empty();
                }
                return parsedKeys.get(actor.publicKeyPem().get(), KeyMaterial::publicKeyFromPem)
                        .map(k -> VerificationKey.of(k, actor.iri().toString()));
            } catch (KinshipException e) {
                throw new KeyResolver.KeyUnavailableException(e.getMessage(), e);
            } catch (Exception e) {
                // A failed fetch or store (also a checked exception rethrown by the transaction interceptor).
                LOG.log(Level.FINE, "Key lookup failed for " + keyId, e);
                throw new KeyResolver.KeyUnavailableException("The key could not be looked up.", e);
            }
        };
    }

    /**
     * The actor fetched from its origin and stored. The row the inbox read is detached (no transaction is open), so
     * refresh() looks it up again in its own transaction; handed the detached copy, it set the key on that copy only,
     * and every later activity of the actor fetched it again (the federation benchmark saw one GET per Announce).
     * Several activities of an actor we do not hold the key of may arrive at once: the first refresh to commit
     * stores it, the others then lose on the row's version (or, for an actor new to us, on its unique id), and
     * the stored row serves them as well as their own fetch would have.
     */
    private RemoteActor refreshed(URI owner, String keyId) {
        CompletableFuture<RemoteActor> mine = new CompletableFuture<>();
        CompletableFuture<RemoteActor> fetching = refreshing.putIfAbsent(owner, mine);
        if (fetching != null) {
            // The first activities of a new actor come in together (a peer delivers on several connections):
            // one fetch serves them all, instead of each asking its server and tripping our per-host limit.
            try {
                return fetching.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The server is stopping.", stopping); // the key is unavailable
            } catch (ExecutionException | TimeoutException failed) {
                throw new IllegalStateException("The other fetch of " + owner + " failed.", failed); // so this one did too
            }
        }
        try {
            RemoteActor actor = fetchAgain(owner, keyId);
            mine.complete(actor);
            return actor;
        } catch (Throwable e) { // also a checked exception the transaction interceptor rethrows as it is
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refreshing.remove(owner, mine);
        }
    }

    private RemoteActor fetchAgain(URI owner, String keyId) {
        actors.forget(owner);
        try {
            return remoteActors.refresh(owner, Optional.empty());
        } catch (Exception lost) {
            // (Exception: the transaction interceptor rethrows a failed commit's checked RollbackException as it is.)
            Optional<RemoteActor> stored = remoteActors.known(owner).filter(a -> hasKey(a, keyId));
            if (stored.isPresent()) {
                return stored.get();
            }
            throw lost;
        }
    }

    private static boolean hasKey(RemoteActor actor, String keyId) {
        return actor.keyId().map(k -> k.toString().equals(keyId)).orElse(false);
    }

    /** The activity's actor as this delivery has found it so far. */
    private static final class Sender {
        final URI iri;
        /** The stored actor; replaced when the key lookup fetches it again. */
        Optional<RemoteActor> known;

        Sender(URI iri, Optional<RemoteActor> known) {
            this.iri = iri;
            this.known = known;
        }

        /** The stored actor when it is recent enough that {@link RemoteActors#resolve(URI)} would return it unfetched. */
        Optional<RemoteActor> fresh(java.time.Instant now) {
            return known.filter(a -> a.fetchedAt().isAfter(now.minus(RemoteActors.STALE_AFTER)));
        }
    }

    private static URI stripFragment(URI key) {
        String s = key.toString();
        int hash = s.indexOf('#');
        return URI.create(hash < 0 ? s : s.substring(0, hash));
    }

    /** The keyId a request's signature names (draft-cavage {@code Signature} or RFC 9421 {@code Signature-Input}). */
    private static Optional<String> signedKeyId(Headers headers) {
        String signature = headers.first("signature").or(() -> headers.first("signature-input")).orElse("");
        Matcher m = KEY_ID.matcher(signature);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> signerHost(Headers headers) {
        return signedKeyId(headers).flatMap(keyId -> {
            try {
                return Optional.ofNullable(URI.create(keyId).getHost());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private boolean allow(String host) {
        TokenBucket bucket = perHost.computeIfAbsent(host == null ? "?" : host, h -> new TokenBucket(burst, perSecond, System.nanoTime()));
        synchronized (bucket) {
            return bucket.tryTake(System.nanoTime());
        }
    }

    static JsonObject rawJson(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
