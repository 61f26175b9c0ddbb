package org.kinship.it.support;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.util.Map;
import org.kinship.plugin.api.KinshipPlugin;
import org.kinship.plugin.api.PluginApi;
import org.kinship.plugin.api.PluginDatabase;
import org.kinship.plugin.api.PluginDescriptor;
import org.kinship.plugin.api.PluginException;
import org.kinship.plugin.api.PluginRequest;

/**
 * A test plugin that writes and then fails, to show what PluginDatabase promises: work that throws
 * leaves nothing behind, and work inside work joins the outer transaction. Packaged into the EAR of
 * PluginTransactionIT only.
 */
public class PluginTransactionProbe implements KinshipPlugin {
    public static final String ID = "tx-probe";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "1.0.0", PluginApi.VERSION, Map.of("en", "Transaction probe"), Map.of());
    }

    @Override
    public String migrations() {
        return "db/plugin/tx-probe";
    }

    @Override
    public Object resource(PluginRequest request) {
        return new Rows(request);
    }

    @Produces(MediaType.APPLICATION_JSON)
    public static class Rows {
        private final PluginRequest request;

        Rows(PluginRequest request) {
            this.request = request;
        }

        /** {@code ok}: one row, kept. {@code fail}: one row, then a refusal. {@code nested-fail}: a row outside, one inside, then a refusal outside. */
        @POST
        @Path("{how}")
        public Map<String, String> write(@PathParam("how") String how) {
            PluginDatabase db = request.database();
            String community = request.community().id();
            return db.inTransaction(c -> {
                insert(c, community, how + "-outer");
                if (how.equals("nested-fail")) {
                    db.inTransaction(inner -> insert(inner, community, how + "-inner"));
                }
                if (how.endsWith("fail")) {
                    throw PluginException.invalid("probe_refused", "Refused after writing, on purpose.");
                }
                return Map.of("written", how);
            });
        }

        private static int insert(java.sql.Connection c, String community, String label) throws java.sql.SQLException {
            try (PreparedStatement st = c.prepareStatement("insert into tx_probe_row (community_id, label) values (?, ?)")) {
                st.setString(1, community);
                st.setString(2, label);
                return st.executeUpdate();
            }
        }
    }
}
