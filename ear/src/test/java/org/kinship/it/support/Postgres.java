package org.kinship.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct access to the ITs' PostgreSQL database, for the few checks the API cannot make (nothing written, expiry). */
public final class Postgres {
    private Postgres() {
    }

    static String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/postgres";
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + System.getProperty("kinship.it.db.name"),
                "postgres", "");
    }

    /** One number from a query with parameters, e.g. a count. */
    public static long count(String sql, Object... parameters) {
        try (Connection c = connect(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection c = connect(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
