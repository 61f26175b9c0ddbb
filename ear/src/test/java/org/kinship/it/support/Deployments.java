package org.kinship.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The ITs deploy the real kinship.ear that this module just built: the whole application, as shipped. */
public final class Deployments {
    private Deployments() {
    }

    public static EnterpriseArchive kinshipEar() {
        File ear = new File(System.getProperty("kinship.ear", "target/kinship.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("kinship.ear not found at " + ear + ": run the ITs with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "kinship.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
