package org.kinship.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinship.it.support.Api;
import org.kinship.it.support.Deployments;
import org.kinship.it.support.Fixtures;
import org.kinship.it.support.PluginTransactionProbe;
import org.kinship.it.support.Postgres;
import org.kinship.it.support.Tokens;
import org.kinship.plugin.api.KinshipPlugin;

/**
 * What PluginDatabase promises a plugin author, on the real server and PostgreSQL: work that throws
 * (a PluginException after a write) leaves nothing, work inside work joins the outer transaction,
 * and the refusal reaches the client in the one error shape.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PluginTransactionIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        JavaArchive probe = ShrinkWrap.create(JavaArchive.class, "tx-probe.jar")
                .addClasses(PluginTransactionProbe.class, PluginTransactionProbe.Rows.class)
                .addAsResource(new StringAsset("create table tx_probe_row (community_id varchar(36) not null, label varchar(40) not null);\n"),
                        "db/plugin/tx-probe/V1__rows.sql")
                .addAsResource(new StringAsset(PluginTransactionProbe.class.getName() + "\n"),
                        "META-INF/services/" + KinshipPlugin.class.getName());
        return Deployments.kinshipEar().addAsLibrary(probe);
    }

    private static long rows(String slug) {
        return Postgres.count("select count(*) from tx_probe_row r join community c on c.id::text = r.community_id where c.slug = ?", slug);
    }

    @Test
    void workThatFailsLeavesNothingAndNestedWorkGoesWithTheOuter() {
        String slug = Fixtures.community("txp", "OPEN");
        Api admin = Api.as(Tokens.COMMUNITY_ADMIN);
        Fixtures.switchPlugin(slug, PluginTransactionProbe.ID, true);
        String base = "/api/communities/" + slug + "/plugins/" + PluginTransactionProbe.ID + "/";

        Api.Reply ok = admin.post(base + "ok", "{}");
        assertEquals(200, ok.status(), ok::toString);
        assertEquals(1, rows(slug), "a write that returns is kept");

        Api.Reply failed = admin.post(base + "fail", "{}");
        assertEquals(400, failed.status(), failed::toString);
        assertEquals("probe_refused", failed.error());
        assertEquals(1, rows(slug), "the row written before the refusal was rolled back");

        Api.Reply nested = admin.post(base + "nested-fail", "{}");
        assertEquals(400, nested.status(), nested::toString);
        assertEquals(1, rows(slug), "the inner work joined the outer transaction and went with it");
    }
}
