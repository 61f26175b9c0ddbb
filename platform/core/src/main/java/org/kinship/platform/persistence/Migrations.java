package org.kinship.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kinship.platform.plugin.PluginHost;

/**
 * Brings the schema up to date before the application takes requests: the deployment does not
 * finish until this observer returns. The plugins' migrations run after the platform's. With {@code kinship.demo-data=true} it also loads the demo
 * communities, tracked in a history table of their own so production schemas never see them.
 */
@ApplicationScoped
public class Migrations {
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());
    private final AtomicBoolean done = new AtomicBoolean();

    @Resource(lookup = "java:jboss/datasources/KinshipDS")
    DataSource dataSource;

    @Inject
    PluginHost plugins;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        migrate();
    }

    void migrate() {
        ClassLoader loader = Migrations.class.getClassLoader();
        var schema = Flyway.configure(loader)
                .dataSource(dataSource)
                // Plain Flyway does not expand {vendor}: the database-specific scripts are chosen here.
                .locations("classpath:db/migration", "classpath:db/vendor/" + Database.of(dataSource).migrationFolder())
                .load()
                .migrate();
        // targetSchemaVersion is null when there was nothing to apply; the initial version is then current.
        String version = schema.targetSchemaVersion != null ? schema.targetSchemaVersion : schema.initialSchemaVersion;
        LOG.info(() -> "Schema is at version " + version + " (" + schema.migrationsExecuted + " migrations applied now)");
        // Plugins' tables after the platform's (their rows refer to communities and members by id).
        plugins.start(dataSource);
        if (Boolean.getBoolean("kinship.demo-data")) {
            var demo = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations(new String[0])
                    .javaMigrations(new DemoCommunities(), new DemoForum(), new DemoChat(), new DemoPlugins())
                    .table("kinship_demo_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info(() -> "Demo data loaded (" + demo.migrationsExecuted + " scripts applied)");
        }
    }
}
