package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.kinship.platform.community.CommunityId;

/**
 * Where threads and replies shown in a community were written, when that was on another server: the
 * community (or person) it came from, and the address of the original. The forum shows it beside the
 * title so that readers know whose rules the words were written under, and can go and see the original.
 *
 * <p>A row of {@code federated_object} is written in the same transaction as the thread or post it maps,
 * and never changes afterwards, so callers may keep an answer as long as they keep the thread or post.
 */
@ApplicationScoped
public class FederatedOrigins {
    /**
     * Where one thread or post comes from. {@code handle} is how the origin is shown ({@code walks@lemmy.example});
     * {@code url} is the remote object's id, present only when it is a web address a reader can open.
     */
    public record Origin(String handle, URI url) {
        public Origin {
            Objects.requireNonNull(handle, "handle");
        }
    }

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    /**
     * The origins of those of {@code localIds} (thread ids, post ids, or both) that came from elsewhere, in
     * one query; ids written here are simply absent from the answer.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Origin> of(CommunityId community, Collection<UUID> localIds) {
        Objects.requireNonNull(community, "community");
        if (localIds == null || localIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("select o.localId, o.iri, a from FederatedObject o"
                        + " left join RemoteActor a on a.id = o.originActor"
                        + " where o.key.communityId = :c and o.localId in :ids and o.kind in :kinds", Object[].class)
                .setParameter("c", community.value())
                .setParameter("ids", List.copyOf(new HashSet<>(localIds)))
                .setParameter("kinds", List.of(FederatedObject.Kind.THREAD, FederatedObject.Kind.POST))
                .getResultList();
        Map<UUID, Origin> origins = new HashMap<>();
        for (Object[] row : rows) {
            origins.put((UUID) row[0], origin((String) row[1], (RemoteActor) row[2]));
        }
        return Map.copyOf(origins);
    }

    /**
     * The origin as shown: the actor's handle, or the object's host when the actor is unknown (an old row,
     * or an actor since forgotten); a link only to an http(s) address.
     */
    static Origin origin(String iri, RemoteActor actor) {
        URI uri = parse(iri);
        boolean web = uri != null && uri.getHost() != null
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        String handle = actor != null ? actor.handle() : uri != null && uri.getHost() != null ? uri.getHost() : "another server";
        return new Origin(handle, web ? uri : null);
    }

    private static URI parse(String iri) {
        try {
            return iri == null ? null : new URI(iri);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
