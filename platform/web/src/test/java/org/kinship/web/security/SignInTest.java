package org.kinship.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInTest {
    @ParameterizedTest
    @ValueSource(strings = {"/c/oslo", "/c/oslo/join?invitation=abc", "/"})
    void returnsToAPathOnThisServer(String next) {
        assertEquals(next, SignIn.safeReturnPath(next));
    }

    /** An open redirect would let a phishing link borrow Kinship's name; anything off-site goes home instead. */
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "c/oslo",
            "/c/oslo\r\nSet-Cookie: x=y", ""})
    void neverRedirectsOffSite(String next) {
        assertEquals("/", SignIn.safeReturnPath(next));
    }

    @org.junit.jupiter.api.Test
    void goesHomeWithoutANextParameter() {
        assertEquals("/", SignIn.safeReturnPath(null));
    }
}
