package org.kinship.platform.persistence;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a unique-constraint violation by the constraint's name. Uniqueness is decided by the
 * database, not by a check-then-insert (which races); this is how a use case turns the database's
 * "no" into its own error code. Works for PostgreSQL and H2, which both report SQLState 23505.
 */
public final class UniqueViolation {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    public static boolean of(Throwable failure, String constraintName) {
        String wanted = constraintName.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
