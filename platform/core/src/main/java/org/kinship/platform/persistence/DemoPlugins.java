package org.kinship.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo communities have the toolbox and the crisis plan switched on, so the first visit shows
 * them (the demo provider can be shared with). Only the switches: what members keep in a plugin is
 * theirs to write. A switch for a plugin this server does not have is harmless: the host lists
 * only plugins it loaded.
 */
public class DemoPlugins extends DemoMigration {
    public DemoPlugins() {
        super("4", "demo plugins switched on");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (String slug : new String[] {"storby", "fjordvik"}) {
            UUID community = one(db, "select id from community where slug = ?", slug);
            for (String plugin : new String[] {"toolbox", "crisis-plan"}) {
                try (PreparedStatement st = db.prepareStatement(
                        "insert into community_plugin (community_id, plugin_id, enabled, changed_at) values (?, ?, true, ?)")) {
                    st.setObject(1, community);
                    st.setString(2, plugin);
                    st.setObject(3, now);
                    st.executeUpdate();
                }
            }
        }
    }
}
