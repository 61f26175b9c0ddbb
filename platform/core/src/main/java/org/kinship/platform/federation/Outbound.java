package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinship.federation.delivery.AddressPolicy;
import org.kinship.federation.delivery.DeliveryOutcome;
import org.kinship.federation.delivery.FederationClient;
import org.kinship.federation.delivery.FetchResult;
import org.kinship.federation.delivery.HostHealth;
import org.kinship.federation.delivery.OutboundTrust;
import org.kinship.federation.delivery.SigningKey;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Every request Kinship makes to another server goes through here: one {@link FederationClient} configured
 * from the operator's settings (which addresses may be contacted, extra trusted certificates), signing with
 * the right local actor's key. REST and WebSocket code never sign or POST.
 */
@ApplicationScoped
public class Outbound {
    private static final Logger LOG = Logger.getLogger(Outbound.class.getName());

    @Inject
    ActorKeys keys;

    @Inject
    Clock clock;

    private final LocalIris iris = LocalIris.configured();
    private volatile FederationClient client;

    FederationClient client() {
        FederationClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = makeClient();
                }
                c = client;
            }
        }
        return c;
    }

    private FederationClient makeClient() {
        AddressPolicy policy = AddressPolicy.strict();
        if (Boolean.getBoolean("kinship.federation.allow-http")) {
            policy = policy.allowingPlainHttp();
        }
        if (Boolean.getBoolean("kinship.federation.allow-loopback")) {
            policy = policy.allowingLoopback();
        }
        if (Boolean.getBoolean("kinship.federation.allow-private")) {
            policy = policy.allowingPrivateNetworks();
        }
        OutboundTrust trust = OutboundTrust.jdkDefault();
        String store = System.getProperty("kinship.federation.truststore", "");
        if (!store.isBlank()) {
            try {
                trust = OutboundTrust.load(Optional.of(Path.of(store)),
                        System.getProperty("kinship.federation.truststore-password", "").toCharArray());
            } catch (OutboundTrust.TrustStoreException e) {
                LOG.log(Level.SEVERE, "The federation trust store " + store + " could not be read (" + e.getMessage()
                        + "); only the JDK's certificate authorities are trusted", e);
            }
        }
        FederationClient.Settings settings = FederationClient.Settings.defaults("0.1", URI.create(iris.base()));
        return new FederationClient(settings, policy, trust, HostHealth.standard(clock), clock);
    }

    /** The instance actor's key: signed GETs are made in the server's name, never a member's. */
    SigningKey instanceKey() {
        ActorKeys.Pair pair = keys.of(ActorKey.INSTANCE);
        return new SigningKey(iris.keyId(iris.instance()), pair.privateKey());
    }

    SigningKey keyOf(java.util.UUID owner, URI actor) {
        return new SigningKey(iris.keyId(actor), keys.of(owner).privateKey());
    }

    /** A signed GET of an ActivityPub document; refused with {@code remote_lookup_failed} (502) and a reason. */
    public byte[] fetch(URI target) {
        FetchResult result = client().fetch(target, instanceKey());
        if (result instanceof FetchResult.Fetched fetched) {
            return fetched.body();
        }
        FetchResult.Refused refused = (FetchResult.Refused) result;
        if (refused.problem().isAddressRefusal()) {
            throw new KinshipException(ErrorCode.REMOTE_NOT_ALLOWED, target.getHost() + " may not be contacted from this server ("
                    + refused.problem().code() + ").");
        }
        throw new KinshipException(ErrorCode.REMOTE_LOOKUP_FAILED, "Could not fetch " + target + ": " + refused.detail());
    }

    /** Looks a handle up by WebFinger on its domain's https port (or http, when the operator allowed it). */
    public URI webfinger(Targets.Handle handle) {
        String path = "/.well-known/webfinger?resource=" + URLEncoder.encode(handle.acct(), StandardCharsets.UTF_8);
        byte[] body;
        try {
            body = fetch(URI.create("https://" + handle.domain() + path));
        } catch (KinshipException httpsFailed) {
            // Only where the operator allowed plain http (the tests on loopback) is it tried after https.
            if (!Boolean.getBoolean("kinship.federation.allow-http")) {
                throw httpsFailed;
            }
            body = fetch(URI.create("http://" + handle.domain() + path));
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonObject jrd = reader.readObject();
            for (JsonValue link : jrd.getJsonArray("links")) {
                JsonObject l = link.asJsonObject();
                String type = l.getString("type", "");
                if ("self".equals(l.getString("rel", "")) && (type.contains("activity+json") || type.contains("ld+json"))) {
                    return URI.create(l.getString("href"));
                }
            }
        } catch (RuntimeException e) {
            throw new KinshipException(ErrorCode.REMOTE_LOOKUP_FAILED, handle.acct() + " answered WebFinger with something unreadable.");
        }
        throw new KinshipException(ErrorCode.REMOTE_LOOKUP_FAILED, handle.acct() + " has no ActivityPub actor.");
    }

    /** One delivery attempt, signed by the given local actor. Never throws for network trouble. */
    public DeliveryOutcome deliver(URI inbox, byte[] body, SigningKey key) {
        return client().deliver(inbox, body, key);
    }
}
