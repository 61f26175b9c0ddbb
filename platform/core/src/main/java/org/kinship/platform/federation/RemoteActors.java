package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Remote actors: found by id or handle, fetched from their origin (never trusted from a third party),
 * stored, and refreshed when older than {@link #STALE_AFTER} or when a signature names a key we do not have
 * (the actor rotated it).
 */
@ApplicationScoped
public class RemoteActors {
    static final Duration STALE_AFTER = Duration.ofDays(1);

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    @Inject
    Outbound outbound;

    @Inject
    Readers readers;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RemoteActor> known(URI iri) {
        return em.createQuery("select a from RemoteActor a where a.iriHash = :h", RemoteActor.class)
                .setParameter("h", Hashes.sha256(iri.toString()))
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RemoteActor> known(Targets.Handle handle) {
        String user = handle.user();
        String host = handle.domain().contains(":") ? handle.domain().substring(0, handle.domain().indexOf(':')) : handle.domain();
        return em.createQuery("select a from RemoteActor a where a.host = :host and a.preferredUsername = :u", RemoteActor.class)
                .setParameter("host", host).setParameter("u", user)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RemoteActor> byId(java.util.UUID id) {
        return Optional.ofNullable(em.find(RemoteActor.class, id));
    }

    /** An actor named by an admin: a handle is looked up by WebFinger, then the actor is fetched. */
    @Transactional
    public RemoteActor resolve(Targets.Target target) {
        if (target instanceof Targets.Handle handle) {
            return resolve(outbound.webfinger(handle));
        }
        if (target instanceof Targets.Actor actor) {
            return resolve(actor.id());
        }
        throw new KinshipException(ErrorCode.FEDERATION_TARGET_INVALID, "Give a handle or an address.");
    }

    /** The actor, fetched if unknown or stale. */
    @Transactional
    public RemoteActor resolve(URI iri) {
        Optional<RemoteActor> known = known(iri);
        if (known.isPresent() && known.get().fetchedAt().isAfter(clock.instant().minus(STALE_AFTER))) {
            return known.get();
        }
        return refresh(iri, known);
    }

    /** Fetches the actor from its origin again (a signature named a key we do not know). */
    @Transactional
    public RemoteActor refresh(URI iri, Optional<RemoteActor> known) {
        byte[] body = outbound.fetch(iri);
        ReadResult<IncomingObject> read = readers.reader().readObject(body);
        if (!(read instanceof ReadResult.Read<IncomingObject> ok)) {
            throw new KinshipException(ErrorCode.REMOTE_LOOKUP_FAILED, iri + " did not answer with a readable actor.");
        }
        IncomingObject doc = ok.value();
        if (!doc.type().isActor() || doc.actor().isEmpty() || doc.id().isEmpty()
                || !sameOrigin(doc.id().get(), iri) || doc.actor().get().inbox().isEmpty()) {
            throw new KinshipException(ErrorCode.REMOTE_LOOKUP_FAILED, iri + " is not an actor Kinship can talk to.");
        }
        IncomingObject.ActorDetails details = doc.actor().get();
        URI id = doc.id().get();
        RemoteActor actor = known.isPresent() && known.get().iri().equals(id) ? known.get() : known(id).orElse(null);
        boolean isNew = actor == null;
        if (isNew) {
            actor = new RemoteActor(id, clock.instant());
        }
        Optional<IncomingObject.PublicKey> key = details.publicKey()
                .filter(k -> k.owner().map(o -> o.equals(id)).orElse(true))
                .filter(k -> k.id().map(kid -> sameOrigin(kid, id)).orElse(false));
        actor.refresh(kind(doc), details.preferredUsername().orElse(null), doc.name().orElse(null),
                details.inbox().get(), details.sharedInbox().filter(s -> sameOrigin(s, id)).orElse(null),
                details.followers().orElse(null),
                key.flatMap(IncomingObject.PublicKey::id).orElse(null), key.map(IncomingObject.PublicKey::publicKeyPem).orElse(null),
                clock.instant());
        if (isNew) {
            // Persisted once complete: Hibernate inserts the state an entity has when it is persisted.
            em.persist(actor);
        }
        return actor;
    }

    private static String kind(IncomingObject doc) {
        return switch (doc.type()) {
            case GROUP -> "Group";
            case PERSON -> "Person";
            case APPLICATION -> "Application";
            case SERVICE -> "Service";
            case ORGANIZATION -> "Organization";
            default -> "Person";
        };
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }
}
