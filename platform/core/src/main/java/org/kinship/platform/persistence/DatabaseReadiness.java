package org.kinship.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means the database answers: without it Kinship cannot store a single message. It lives in
 * the core jar (the EAR's lib) because WildFly does not collect health checks from an EAR's WAR.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Resource(lookup = "java:jboss/datasources/KinshipDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().build();
        }
    }
}
