package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Which database Kinship runs on, for the few places that must say things differently to each. */
public enum Database {
    POSTGRESQL("postgresql"),
    H2("h2");

    private final String folder;

    Database(String folder) {
        this.folder = folder;
    }

    /** The folder under db/vendor with the migrations only this database understands. */
    public String migrationFolder() {
        return folder;
    }

    public static Database of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? POSTGRESQL : H2;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
