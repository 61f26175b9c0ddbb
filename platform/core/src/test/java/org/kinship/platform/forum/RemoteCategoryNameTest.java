package org.kinship.platform.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The category for threads from followed communities is named in the community's language, when Kinship speaks it. */
class RemoteCategoryNameTest {
    @Test
    void norwegianCommunitiesGetANorwegianNameAndTheRestEnglish() {
        assertEquals("Fra andre fellesskap", FederatedForum.remoteCategoryDetails("nb").name());
        assertEquals("Fra andre fellesskap", FederatedForum.remoteCategoryDetails("nn-NO").name());
        assertEquals("Fra andre fellesskap", FederatedForum.remoteCategoryDetails("no").name());
        assertEquals("From other communities", FederatedForum.remoteCategoryDetails("en").name());
        assertEquals("From other communities", FederatedForum.remoteCategoryDetails("de").name(), "a language Kinship does not speak");
        assertEquals("From other communities", FederatedForum.remoteCategoryDetails(null).name());
        assertEquals("From other communities", FederatedForum.remoteCategoryDetails("nob").name(), "not a prefix match on 'no'");
        assertEquals(StartPolicy.MODERATORS, FederatedForum.remoteCategoryDetails("nb").whoMayStart(), "nobody starts threads there");
    }
}
