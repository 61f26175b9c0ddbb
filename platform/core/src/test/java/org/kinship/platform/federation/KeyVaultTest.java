package org.kinship.platform.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kinship.federation.signature.KeyMaterial;

class KeyVaultTest {
    private static final String PEM = ActorKeys.privatePem(ActorKeys.generate().getPrivate());

    @Test
    void withASecretAPrivateKeyIsStoredEncryptedAndReadBack() {
        KeyVault vault = new KeyVault("a long operator secret");
        String stored = vault.seal(PEM);
        assertTrue(stored.startsWith(KeyVault.PREFIX), stored);
        assertFalse(stored.contains("PRIVATE KEY"), "nothing of the key in the clear");
        assertNotEquals(stored, vault.seal(PEM), "a fresh nonce each time");
        assertEquals(PEM, vault.open(stored));
        assertTrue(KeyMaterial.privateKeyFromPem(vault.open(stored)).isPresent());
    }

    @Test
    void keysStoredBeforeASecretWasSetAreStillRead() {
        assertEquals(PEM, new KeyVault("secret").open(PEM));
        assertEquals(PEM, new KeyVault(null).seal(PEM), "no secret: stored as it is");
        assertEquals(PEM, new KeyVault(" ").open(PEM));
    }

    @Test
    void anEncryptedKeyWithoutItsSecretSaysSo() {
        String stored = new KeyVault("the right one").seal(PEM);
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> new KeyVault(null).open(stored));
        assertTrue(missing.getMessage().contains("KINSHIP_FEDERATION_KEY_SECRET"), missing.getMessage());
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> new KeyVault("the wrong one").open(stored));
        assertTrue(wrong.getMessage().contains("not the secret"), wrong.getMessage());
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> new KeyVault("the right one").open(tampered));
    }
}
