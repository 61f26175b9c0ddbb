package org.kinship.platform.meetup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/** A refused use case must carry exactly the expected stable error code. */
final class MeetupAssertions {
    private MeetupAssertions() {
    }

    static KinshipException assertCode(ErrorCode expected, Executable action) {
        KinshipException e = assertThrows(KinshipException.class, action);
        assertEquals(expected, e.code(), () -> "wrong code; message was: " + e.getMessage());
        return e;
    }
}
