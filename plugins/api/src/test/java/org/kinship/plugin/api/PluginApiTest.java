package org.kinship.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginApiTest {
    @Test
    void sameMajorAndOlderOrEqualMinorIsCompatible() {
        assertTrue(PluginApi.isCompatible("1.0", "1.0"));
        assertTrue(PluginApi.isCompatible("1.0", "1.3"));
        assertFalse(PluginApi.isCompatible("1.4", "1.3"), "a plugin needing a newer minor uses what this host lacks");
        assertFalse(PluginApi.isCompatible("2.0", "1.9"));
        assertFalse(PluginApi.isCompatible("0.9", "1.0"));
    }

    @Test
    void versionsThatAreNotMajorMinorAreRefused() {
        for (String bad : new String[] {"1", "1.0.0", "v1.0", "", "1.x", "1.-1"}) {
            assertThrows(IllegalArgumentException.class, () -> PluginApi.isCompatible(bad, "1.0"), bad);
        }
        assertThrows(NullPointerException.class, () -> PluginApi.isCompatible(null, "1.0"));
    }

    @Test
    void descriptorChecksIdAndNames() {
        var ok = new PluginDescriptor("crisis-plan", "1.0.0", "1.0", Map.of("en", "Crisis plan", "nb", "Kriseplan"), null);
        assertEquals("Kriseplan", ok.name("nb"));
        assertEquals("Crisis plan", ok.name("de"));
        assertEquals("", ok.description("nb"));
        for (String bad : new String[] {"Toolbox", "1box", "x", "tool_box", "a".repeat(33), "tool box"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new PluginDescriptor(bad, "1", "1.0", Map.of("en", "X"), Map.of()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new PluginDescriptor("box", "1", "1.0", Map.of("nb", "X"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new PluginDescriptor("box", "1", "one", Map.of("en", "X"), Map.of()));
    }

    @Test
    void exceptionsCarryStableCodesAndClientStatuses() {
        var e = PluginException.invalid("dose_invalid", "A dose is a number and a unit.");
        assertEquals(400, e.status());
        assertEquals("dose_invalid", e.code());
        assertEquals(404, PluginException.notFound("goal_not_found", "No such goal.").status());
        assertThrows(IllegalArgumentException.class, () -> new PluginException(500, "oops", "x"));
        assertThrows(IllegalArgumentException.class, () -> new PluginException(400, "Dose-Invalid", "x"));
    }

    @Test
    void pagesAndPermissionsValidateTheirNames() {
        var page = new PluginPage("", "main.js", Map.of("en", "Toolbox"), true);
        assertEquals("Toolbox", page.title("nb"));
        assertThrows(IllegalArgumentException.class, () -> new PluginPage("Goals", "main.js", Map.of("en", "x"), true));
        assertThrows(IllegalArgumentException.class, () -> new PluginPage("goals", "../secret.js", Map.of("en", "x"), true));
        assertThrows(IllegalArgumentException.class, () -> new PluginPage("goals", "main.css", Map.of("en", "x"), true));
        var curate = new PluginPermission("exercises.curate", Set.of(MemberRole.ADMIN), Map.of());
        assertTrue(curate.heldBy(MemberRole.ADMIN));
        assertFalse(curate.heldBy(MemberRole.MODERATOR));
        assertThrows(IllegalArgumentException.class, () -> new PluginPermission("Curate!", Set.of(), Map.of()));
    }
}
