package org.kinship.federation.jsonld;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incoming activity, reduced to what Kinship's handlers use. Values that ActivityStreams allows to be
 * one or many are lists here; values that may be embedded or linked are {@link Ref}s.
 *
 * @param id        the activity's id (empty only for an activity embedded without one)
 * @param type      the classified type
 * @param typeIris  every type the sender claimed, as IRIs
 * @param actor     who did it (an embedded actor is reduced to its id)
 * @param object    what it was done to
 * @param target    where to (Add/Remove to a collection, Invite)
 * @param audience  FEP-1b12 audience: the community it belongs to
 * @param to        primary recipients
 * @param cc        secondary recipients
 * @param published when the sender says it happened
 * @param summary   a reason (Flag, Lock, Block, Delete by a moderator)
 * @param endTime   when a Block ends (Lemmy {@code expires})
 * @param removeData a Block that also removes what the blocked person wrote (Lemmy {@code removeData})
 */
public record Incoming(
        Optional<URI> id,
        ActivityType type,
        List<String> typeIris,
        Optional<URI> actor,
        Optional<Ref> object,
        Optional<Ref> target,
        List<URI> audience,
        List<URI> to,
        List<URI> cc,
        Optional<Instant> published,
        Optional<String> summary,
        Optional<Instant> endTime,
        boolean removeData) implements IncomingDocument {

    public Incoming {
        typeIris = List.copyOf(typeIris);
        audience = List.copyOf(audience);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }

    @Override
    public boolean isUnknownType() {
        return type == ActivityType.UNKNOWN;
    }

    /** The embedded object, if the activity carries one (and not an activity or a bare link). */
    public Optional<IncomingObject> embeddedObject() {
        return object.flatMap(Ref::asObject);
    }

    /** The embedded activity, as in an {@code Announce} of a {@code Create}. */
    public Optional<Incoming> embeddedActivity() {
        return object.flatMap(Ref::asActivity);
    }

    /** Whether the activity is addressed to everyone. */
    public boolean isPublic() {
        return Vocab.isPublic(to) || Vocab.isPublic(cc);
    }
}
