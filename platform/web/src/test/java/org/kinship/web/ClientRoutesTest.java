package org.kinship.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRoutesTest {
    @ParameterizedTest
    @ValueSource(strings = {"/c/oslo", "/c/oslo/join", "/c/oslo/settings", "/new", "/no/such/page"})
    void clientRoutesGetTheClientPage(String path) {
        assertTrue(ClientRoutes.isClientRoute(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/communities", "/login", "/login/c/oslo/join", "/logout", "/live", "/app/main.js", "/favicon.ico",
            "/index.html"})
    void serverPathsAndFilesPassThrough(String path) {
        assertFalse(ClientRoutes.isClientRoute(path));
    }
}
