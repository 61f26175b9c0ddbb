package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/** What the demo data scripts share: a version and a description in the demo's own Flyway history. */
abstract class DemoMigration implements JavaMigration {
    private final String version;
    private final String description;

    DemoMigration(String version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** Demo scripts are loaded once into a fresh demo database; a checksum that never changes keeps validation quiet. */
    @Override
    public Integer getChecksum() {
        return Integer.valueOf(version);
    }

    /** The one value the query finds (an id the demo set up earlier); missing demo data fails the script loudly. */
    static UUID one(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("demo data missing for " + sql);
                }
                return rs.getObject(1, UUID.class);
            }
        }
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
