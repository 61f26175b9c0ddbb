package org.kinship.federation.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void spkiPemRoundTripsAndToleratesTheLineBreaksActorsUse() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        String pem = KeyMaterial.toPem(key);
        assertArrayEquals(key.getEncoded(), KeyMaterial.publicKeyFromPem(pem).orElseThrow().getEncoded());
        assertArrayEquals(key.getEncoded(), KeyMaterial.publicKeyFromPem(pem.replace("\n", "\r\n")).orElseThrow().getEncoded());
        assertArrayEquals(key.getEncoded(), KeyMaterial.publicKeyFromPem(pem.replace("\n", "\\n")).orElseThrow().getEncoded());
        assertArrayEquals(key.getEncoded(), KeyMaterial.publicKeyFromPem("junk before\n" + pem + "junk after").orElseThrow().getEncoded());
    }

    @Test
    void garbageIsEmptyNotAnException() {
        String[] garbage = {
            null, "", "not a key", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
            "-----BEGIN RSA PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----",
            "-----BEGIN PUBLIC KEY-----\n" + "A".repeat(20_000) + "\n-----END PUBLIC KEY-----",
        };
        for (String pem : garbage) {
            assertFalse(KeyMaterial.publicKeyFromPem(pem).isPresent(), String.valueOf(pem));
            assertFalse(KeyMaterial.privateKeyFromPem(pem).isPresent(), String.valueOf(pem));
        }
        assertFalse(KeyMaterial.fromJwk(Map.of()).isPresent());
        assertFalse(KeyMaterial.fromJwk(Map.of("kty", "RSA", "n", "%%%", "e", "AQAB")).isPresent());
        assertFalse(KeyMaterial.fromJwk(Map.of("kty", "EC", "crv", "P-256", "x", "AAAA", "y", "AAAA")).isPresent());
        assertFalse(KeyMaterial.fromJwk(Map.of("kty", "OKP", "crv", "X25519", "x", "AAAA")).isPresent());
        assertTrue(KeyMaterial.fromJwk(Map.of("kty", "oct", "k", "c2VjcmV0")).isPresent());
    }
}
