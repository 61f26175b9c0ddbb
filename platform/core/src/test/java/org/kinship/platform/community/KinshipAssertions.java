package org.kinship.platform.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** Shared assertion: a use-case failure must carry exactly the expected stable error code. */
final class KinshipAssertions {
    private KinshipAssertions() {
    }

    static KinshipException assertFailsWith(ErrorCode expected, Executable action) {
        KinshipException e = assertThrows(KinshipException.class, action);
        assertEquals(expected, e.code(), () -> "wrong code; message was: " + e.getMessage());
        return e;
    }
}
