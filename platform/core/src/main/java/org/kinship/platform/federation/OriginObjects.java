package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.kinship.federation.jsonld.Incoming;
import org.kinship.federation.jsonld.IncomingObject;
import org.kinship.federation.jsonld.ReadResult;
import org.kinship.federation.jsonld.Ref;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * The object of an incoming activity, believed only from its origin: an embedded object is taken as sent when
 * its id is on the server of the activity's actor (or of the Group whose Announce carried it, which vouches for
 * it); otherwise it is fetched from the server its id names. An object that server does not confirm is the
 * sender's problem: a 4xx, and nothing stored.
 */
@ApplicationScoped
public class OriginObjects {
    @Inject
    Outbound outbound;

    @Inject
    Readers readers;

    /** @param via the Group whose Announce carried the activity, or null */
    public IncomingObject of(Incoming activity, RemoteActor author, RemoteActor via) {
        Ref ref = activity.object().orElseThrow(() -> refuse("The activity has no object."));
        URI id = ref.id().orElseThrow(() -> refuse("The object has no id."));
        Optional<IncomingObject> embedded = ref.asObject();
        boolean vouched = RemoteActors.sameOrigin(id, author.iri()) || (via != null && RemoteActors.sameOrigin(id, via.iri()));
        if (embedded.isPresent() && vouched) {
            return embedded.get();
        }
        byte[] body;
        try {
            body = outbound.fetch(id);
        } catch (KinshipException unreachable) {
            throw refuse("The object claims the id " + id + ", which is not on the sender's server, and its origin did not "
                    + "confirm it (" + unreachable.getMessage() + ").");
        }
        ReadResult<IncomingObject> fetched = readers.reader().readObject(body);
        if (fetched instanceof ReadResult.Read<IncomingObject> ok && ok.value().id().map(id::equals).orElse(false)) {
            return ok.value();
        }
        throw refuse("The object could not be read from its origin.");
    }

    private static KinshipException refuse(String message) {
        return new KinshipException(ErrorCode.VALIDATION_FAILED, message);
    }
}
