package org.kinship.platform.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PluginApi;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.platform.persistence.Database;

/**
 * The plugins on this server: found once at start-up, before any request, and never changed while
 * it runs (adding a plugin is a packaging step and a restart). Each is loaded or refused with a
 * reason; a refused plugin never stops the server.
 */
@ApplicationScoped
public class PluginHost {
    private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());

    private volatile List<InstalledPlugin> installed = List.of();

    /** Finds the plugins and brings their tables up to date. Called by Migrations after the platform's own schema. */
    public void start(DataSource dataSource) {
        List<InstalledPlugin> found = discover(KinshipPlugin.class.getClassLoader());
        List<InstalledPlugin> ready = new ArrayList<>();
        for (InstalledPlugin plugin : found) {
            ready.add(plugin.isLoaded() ? migrate(plugin, dataSource) : plugin);
        }
        ready.sort(Comparator.comparing(InstalledPlugin::id));
        installed = List.copyOf(ready);
        LOG.info(() -> "Plugins loaded: " + ready.stream().filter(InstalledPlugin::isLoaded).map(p -> p.id() + " " + p.version()).toList()
                + (ready.stream().anyMatch(p -> !p.isLoaded()) ? "; refused: " + ready.stream().filter(p -> !p.isLoaded()).map(InstalledPlugin::id).toList() : ""));
    }

    /** Every plugin found, loaded or refused, by id. */
    public List<InstalledPlugin> all() {
        return installed;
    }

    public List<InstalledPlugin> loaded() {
        return installed.stream().filter(InstalledPlugin::isLoaded).toList();
    }

    public Optional<InstalledPlugin> loaded(String id) {
        return installed.stream().filter(p -> p.isLoaded() && p.id().equals(id)).findFirst();
    }

    /**
     * Reads every {@code META-INF/services} entry for {@link KinshipPlugin}. One broken jar (a class
     * that fails to load, a descriptor that throws, a second plugin with the same id, another API
     * version) is refused alone, with one log line saying why.
     */
    static List<InstalledPlugin> discover(ClassLoader loader) {
        List<InstalledPlugin> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Iterator<KinshipPlugin> providers = ServiceLoader.load(KinshipPlugin.class, loader).iterator();
        while (true) {
            KinshipPlugin plugin;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                plugin = providers.next();
            } catch (ServiceConfigurationError e) {
                LOG.warning("Plugin refused: it could not be loaded (" + e.getMessage() + ")");
                result.add(InstalledPlugin.refused("unknown-" + result.size(), "?", "?", "It could not be loaded: " + e.getMessage()));
                continue;
            }
            result.add(check(plugin, ids));
        }
        return result;
    }

    static InstalledPlugin check(KinshipPlugin plugin, Set<String> idsSoFar) {
        String className = plugin.getClass().getName();
        PluginDescriptor descriptor;
        try {
            descriptor = plugin.descriptor();
            plugin.pages();
            plugin.permissions();
        } catch (RuntimeException e) {
            LOG.warning("Plugin " + className + " refused: its descriptor, pages or permissions failed (" + e + ")");
            return InstalledPlugin.refused(className, "?", "?", "Its descriptor, pages or permissions failed: " + e.getMessage());
        }
        if (!PluginApi.isCompatible(descriptor.apiVersion(), PluginApi.VERSION)) {
            String reason = "Built for plugin API " + descriptor.apiVersion() + ", but this server offers plugin API "
                    + PluginApi.VERSION + " (a plugin needs the same major version and at most the same minor version).";
            LOG.warning("Plugin " + descriptor.id() + " " + descriptor.version() + " (" + className + ") refused: " + reason);
            return InstalledPlugin.refused(descriptor.id(), descriptor.version(), descriptor.apiVersion(), reason);
        }
        if (!idsSoFar.add(descriptor.id())) {
            String reason = "Another plugin already has the id '" + descriptor.id() + "'.";
            LOG.warning("Plugin " + className + " refused: " + reason);
            return InstalledPlugin.refused(descriptor.id(), descriptor.version(), descriptor.apiVersion(), reason);
        }
        return InstalledPlugin.loaded(plugin, descriptor);
    }

    /**
     * Runs the plugin's migrations in version order, with a history table of its own, from its
     * folder and the sub-folder for this database. A failing migration refuses the plugin (Flyway
     * rolls the failed script back where the database can) and the server starts without it.
     */
    private static InstalledPlugin migrate(InstalledPlugin plugin, DataSource dataSource) {
        String folder = plugin.plugin().migrations();
        if (folder == null || folder.isBlank()) {
            return plugin;
        }
        String base = folder.replaceAll("^classpath:", "").replaceAll("/+$", "");
        try {
            var result = Flyway.configure(plugin.plugin().getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:" + base, "classpath:" + base + "/" + Database.of(dataSource).migrationFolder())
                    .table(historyTable(plugin.id()))
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            LOG.info(() -> "Plugin " + plugin.id() + ": " + result.migrationsExecuted + " migrations applied now");
            return plugin;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Plugin " + plugin.id() + " refused: its migrations failed", e);
            return plugin.refuse("Its migrations failed: " + e.getMessage());
        }
    }

    static String historyTable(String pluginId) {
        return "flyway_plugin_" + pluginId.replace('-', '_');
    }
}
