package org.kinship.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PluginApi;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.plugin.api.PluginPage;
import org.kinship.plugin.api.PluginRequest;

class PluginHostTest {
    record Fake(String id, String api, boolean brokenPages) implements KinshipPlugin {
        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor(id, "1.2.3", api, Map.of("en", id), Map.of());
        }

        @Override
        public Object resource(PluginRequest request) {
            return null;
        }

        @Override
        public List<PluginPage> pages() {
            if (brokenPages) {
                return List.of(new PluginPage("Bad Path", "x.js", Map.of("en", "x"), true));
            }
            return List.of();
        }
    }

    @Test
    void aPluginForThisApiIsLoaded() {
        InstalledPlugin p = PluginHost.check(new Fake("mood", PluginApi.VERSION, false), new HashSet<>());
        assertTrue(p.isLoaded());
        assertEquals("mood", p.id());
        assertNull(p.refusal());
    }

    @Test
    void aPluginForAnotherMajorVersionIsRefusedNamingBothVersions() {
        InstalledPlugin p = PluginHost.check(new Fake("future", "2.0", false), new HashSet<>());
        assertFalse(p.isLoaded());
        assertEquals("future", p.id());
        assertEquals("2.0", p.apiVersion());
        assertTrue(p.refusal().contains("2.0") && p.refusal().contains(PluginApi.VERSION), p.refusal());
    }

    @Test
    void aSecondPluginWithTheSameIdIsRefused() {
        Set<String> ids = new HashSet<>();
        assertTrue(PluginHost.check(new Fake("mood", "1.0", false), ids).isLoaded());
        InstalledPlugin second = PluginHost.check(new Fake("mood", "1.0", false), ids);
        assertFalse(second.isLoaded());
        assertTrue(second.refusal().contains("already"), second.refusal());
    }

    @Test
    void aPluginWhosePagesFailIsRefusedNotFatal() {
        InstalledPlugin p = PluginHost.check(new Fake("broken", "1.0", true), new HashSet<>());
        assertFalse(p.isLoaded());
        assertTrue(p.refusal().contains("page"), p.refusal());
    }

    @Test
    void historyTablesAreNamedAfterThePlugin() {
        assertEquals("flyway_plugin_crisis_plan", PluginHost.historyTable("crisis-plan"));
    }
}
