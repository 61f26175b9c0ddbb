package org.kinship.web.live;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveHandshakeGuardTest {
    @AfterEach
    void forgetPublicUrl() {
        System.clearProperty("kinship.public-url");
    }

    @Test
    void thePagesOwnOriginIsAllowed() {
        assertTrue(LiveHandshakeGuard.allowedOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(LiveHandshakeGuard.allowedOrigin("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(LiveHandshakeGuard.allowedOrigin("https://kinship.example", "kinship.example"));
    }

    @Test
    void otherOriginsAreRefused() {
        assertFalse(LiveHandshakeGuard.allowedOrigin("http://evil.example", "localhost:8080"));
        assertFalse(LiveHandshakeGuard.allowedOrigin("http://localhost:9999", "localhost:8080"));
        assertFalse(LiveHandshakeGuard.allowedOrigin("https://chat.kinship.example", "kinship.example"), "a sibling host");
        assertFalse(LiveHandshakeGuard.allowedOrigin("null", "localhost:8080"), "sandboxed frames send Origin: null");
        assertFalse(LiveHandshakeGuard.allowedOrigin("not a uri", "localhost:8080"));
    }

    @Test
    void behindAProxyThePublicAddressIsAllowed() {
        System.setProperty("kinship.public-url", "https://kinship.example");
        assertTrue(LiveHandshakeGuard.allowedOrigin("https://kinship.example", "10.0.0.5:8080"));
        assertTrue(LiveHandshakeGuard.allowedOrigin("https://kinship.example:443", "10.0.0.5:8080"));
        assertFalse(LiveHandshakeGuard.allowedOrigin("http://kinship.example", "10.0.0.5:8080"), "another scheme is another origin");
        assertFalse(LiveHandshakeGuard.allowedOrigin("https://evil.example", "10.0.0.5:8080"));
    }
}
