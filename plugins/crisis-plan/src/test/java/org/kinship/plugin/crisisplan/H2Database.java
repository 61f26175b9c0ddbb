package org.kinship.plugin.crisisplan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.kinship.plugin.api.PluginDatabase;

/**
 * A real database for the store's tests: an in-memory H2 in the mode the embedded server uses, with the
 * plugin's own migration applied, and transactions that behave as the host promises (commit on return,
 * roll back on a throw, nested work joins the outer transaction).
 */
final class H2Database implements PluginDatabase {
    private final String url = "jdbc:h2:mem:crisis-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    H2Database() {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("runscript from 'classpath:/db/plugin/crisis-plan/V1__crisis_plan.sql'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        Connection outer = current.get();
        if (outer != null) {
            try {
                return work.run(outer);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e);
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, Object... parameters) {
        return inTransaction(c -> {
            try (var st = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    st.setObject(i + 1, parameters[i]);
                }
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
