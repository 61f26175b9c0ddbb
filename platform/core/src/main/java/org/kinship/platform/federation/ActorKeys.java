package org.kinship.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.kinship.federation.signature.KeyMaterial;

/**
 * The signing keys of local actors, made on first use (RSA 2048, what every peer accepts) and kept parsed in
 * memory: a delivery signs with them hundreds of times a second. A key never changes once published, so the
 * cache needs no invalidation.
 */
@ApplicationScoped
public class ActorKeys {
    /** A local actor's key, parsed. */
    public record Pair(UUID owner, String publicPem, PublicKey publicKey, PrivateKey privateKey) {
    }

    private final Map<UUID, Pair> parsed = new ConcurrentHashMap<>();
    private final KeyVault vault = KeyVault.configured();

    @Inject
    ActorKeyRows rows;

    public Pair of(UUID owner) {
        Pair known = parsed.get(owner);
        if (known != null) {
            return known;
        }
        // One maker per owner on this node; another node racing us loses on the primary key and re-reads.
        synchronized (lockFor(owner)) {
            known = parsed.get(owner);
            if (known != null) {
                return known;
            }
            ActorKey row = rows.find(owner).orElseGet(() -> make(owner));
            Pair pair = new Pair(owner, row.publicPem(),
                    KeyMaterial.publicKeyFromPem(row.publicPem()).orElseThrow(() -> new IllegalStateException("stored public key unreadable")),
                    KeyMaterial.privateKeyFromPem(vault.open(row.privatePem())).orElseThrow(() -> new IllegalStateException("stored private key unreadable")));
            parsed.put(owner, pair);
            return pair;
        }
    }

    private ActorKey make(UUID owner) {
        KeyPair pair = generate();
        String publicPem = KeyMaterial.toPem(pair.getPublic());
        String privatePem = vault.seal(privatePem(pair.getPrivate()));
        try {
            return rows.insert(owner, publicPem, privatePem);
        } catch (RuntimeException lostRace) {
            return rows.find(owner).orElseThrow(() -> lostRace);
        }
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has RSA", e);
        }
    }

    static String privatePem(PrivateKey key) {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private static Object lockFor(UUID owner) {
        return LOCKS[Math.floorMod(owner.hashCode(), LOCKS.length)];
    }
}
