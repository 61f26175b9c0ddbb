package org.kinship.web.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which {@code ?page=} a collection accepts: none (the collection itself) or a page number from 1. */
class FederationServletPagesTest {

    @Test
    void noPageIsTheCollectionAndNumbersFromOneArePages() {
        assertEquals(OptionalInt.of(0), FederationServlet.pageNumber(null));
        assertEquals(OptionalInt.of(1), FederationServlet.pageNumber("1"));
        assertEquals(OptionalInt.of(123456789), FederationServlet.pageNumber("123456789"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "0", "01", "-1", "+1", "1.5", "abc", "true", "1234567890", " 1", "１"}) {
            assertEquals(OptionalInt.empty(), FederationServlet.pageNumber(bad), bad);
        }
    }
}
