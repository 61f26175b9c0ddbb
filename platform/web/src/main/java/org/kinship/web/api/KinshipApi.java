package org.kinship.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, under /api. Resources in this WAR are found by scanning. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Kinship API", version = "1",
        description = "Communities, membership and (in later versions) forums, chat and meetups. "
                + "Every error is {\"error\": code, \"message\": text} with a stable code."))
public class KinshipApi extends Application {
}
