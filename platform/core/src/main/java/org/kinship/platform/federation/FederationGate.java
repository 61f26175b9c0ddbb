package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.platform.community.CommunityId;

/**
 * Whether a community may talk to a remote actor: the one local-control check, asked before anything is
 * fetched for an incoming activity and before anything is delivered. Answers come from a per-node copy of
 * each community's policy, refreshed on local changes at once and otherwise after {@link #FRESH_FOR} (so that
 * another node's change reaches this one within seconds without a cluster message).
 */
@ApplicationScoped
public class FederationGate {
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** A community's policy as the gate holds it. Hosts are lower-case; actors are whole ids. */
    record Policy(FederationMode mode, Set<String> allowed, Set<String> blocked, long loadedAtNanos) {
        boolean admits(URI actor) {
            String host = actor.getHost() == null ? "" : actor.getHost().toLowerCase(Locale.ROOT);
            String id = actor.toString();
            // A block always wins: a banned remote author stays out even while their server is allowed.
            boolean isBlocked = blocked.contains(host) || blocked.contains(id);
            return switch (mode) {
                case OFF -> false;
                case ALLOW_LIST -> !isBlocked && (allowed.contains(host) || allowed.contains(id));
                case OPEN -> !isBlocked;
            };
        }

        /** For a signed fetch, made in a server's name (its instance actor): anyone admitted on that server will do. */
        boolean admitsServerOf(URI signer) {
            String host = signer.getHost() == null ? "" : signer.getHost().toLowerCase(Locale.ROOT);
            if (admits(signer)) {
                return true;
            }
            return mode == FederationMode.ALLOW_LIST && !blocked.contains(host) && !blocked.contains(signer.toString())
                    && allowed.stream().anyMatch(a -> host.equals(hostOf(a)));
        }

        private static String hostOf(String target) {
            try {
                String h = URI.create(target).getHost();
                return h == null ? "" : h.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }

    private final Map<CommunityId, Policy> policies = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "kinship")
    EntityManager em;

    /** Whether the community federates at all (mode is not OFF). */
    public boolean federates(CommunityId community) {
        return policy(community).mode() != FederationMode.OFF;
    }

    public FederationMode mode(CommunityId community) {
        return policy(community).mode();
    }

    /** Whether the community may exchange activities with this remote actor (or anyone on its host). */
    public boolean admits(CommunityId community, URI actor) {
        return actor != null && policy(community).admits(actor);
    }

    /** Whether a fetch signed by this actor may read the community's documents (see Policy#admitsServerOf). */
    public boolean admitsServerOf(CommunityId community, URI signer) {
        return signer != null && policy(community).admitsServerOf(signer);
    }

    /** Drops this node's copy: the next question reads the database. Called after a local change commits. */
    void forget(CommunityId community) {
        policies.remove(community);
    }

    private Policy policy(CommunityId community) {
        Policy known = policies.get(community);
        if (known != null && System.nanoTime() - known.loadedAtNanos() < FRESH_FOR.toNanos()) {
            return known;
        }
        Policy loaded = load(community);
        policies.put(community, loaded);
        return loaded;
    }

    /** Outside any transaction is fine: two reads by primary key and index. */
    Policy load(CommunityId community) {
        FederationPolicy row = em.find(FederationPolicy.class, community.value());
        FederationMode mode = row == null ? FederationMode.OFF : row.mode();
        Set<String> allowed = new HashSet<>();
        Set<String> blocked = new HashSet<>();
        if (mode != FederationMode.OFF) {
            List<FederationRule> rules = em.createQuery(
                    "select r from FederationRule r where r.key.communityId = :c", FederationRule.class)
                    .setParameter("c", community.value()).getResultList();
            for (FederationRule rule : rules) {
                (rule.kind() == FederationRule.Kind.ALLOW ? allowed : blocked).add(rule.target());
            }
        }
        return new Policy(mode, Set.copyOf(allowed), Set.copyOf(blocked), System.nanoTime());
    }
}
