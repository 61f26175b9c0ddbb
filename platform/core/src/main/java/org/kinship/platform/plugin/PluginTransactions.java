package org.kinship.platform.plugin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.kinship.plugin.api.PluginDatabase;

/**
 * Plugin database work inside a JTA transaction, on the platform's data source: the connection is
 * enlisted in the transaction, so work inside work, or work during a platform use case (account
 * deletion), commits or rolls back with it.
 */
@ApplicationScoped
public class PluginTransactions {
    @Resource(lookup = "java:jboss/datasources/KinshipDS")
    DataSource dataSource;

    /** Through the container, so that every call gets the transaction interceptor. */
    @Inject
    PluginTransactions self;

    @Transactional(Transactional.TxType.REQUIRED)
    public <T> T run(String pluginId, PluginDatabase.Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            // The driver's message can quote the values of a row (PostgreSQL's "Key (x)=(...)"), which
            // may be a member's private words: only the state and the plugin go to the log and the client.
            throw new PluginFailure("Plugin " + pluginId + " failed in the database (SQLState " + e.getSQLState() + ")");
        }
    }

    /** A database for one plugin. */
    public PluginDatabase forPlugin(String pluginId) {
        return new PluginDatabase() {
            @Override
            public <T> T inTransaction(Work<T> work) {
                return self.run(pluginId, work);
            }
        };
    }

    /** A plugin's work failed in a way that is the server's fault, not the client's: a 500. Holds no row values. */
    public static class PluginFailure extends RuntimeException {
        PluginFailure(String message) {
            super(message, null, false, false);
        }
    }
}
