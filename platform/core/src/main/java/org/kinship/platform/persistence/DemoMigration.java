package org.kinship.platform.persistence;

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

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
