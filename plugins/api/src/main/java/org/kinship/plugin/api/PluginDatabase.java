package org.kinship.plugin.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database, for this plugin's own tables (made by its {@link KinshipPlugin#migrations()}).
 * Never read or write the platform's tables: they change without notice; ask the
 * {@link PluginRequest} instead.
 *
 * <p>Work runs in a transaction: it commits when the work returns and rolls back when it throws.
 * Work inside work joins the outer transaction. Use {@link java.sql.PreparedStatement} parameters
 * for every value; never build SQL from input.
 */
public interface PluginDatabase {

    /** Runs {@code work} in a transaction and returns its result. Do not close the connection. */
    <T> T inTransaction(Work<T> work);

    /** Work with a connection. An {@link SQLException} rolls back and becomes a server error (500) for the client. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
