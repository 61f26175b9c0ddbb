package org.kinship.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.kinship.platform.account.AccountService;
import org.kinship.platform.account.Caller;
import org.kinship.platform.error.ErrorCode;
import org.kinship.platform.error.KinshipException;

/**
 * Translates the identity WildFly's OIDC client established (from the session after a Keycloak
 * sign-in, or from a bearer token) into the {@link Caller} the use cases understand. The principal's
 * name is the token's {@code sub} claim (principal-attribute in oidc.json); nothing else from the
 * token is kept.
 */
@RequestScoped
public class CurrentCaller {
    /** Realm role in Keycloak for the people who run this server. */
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";

    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    private Caller caller;

    public Optional<Caller> find() {
        if (caller == null) {
            Principal principal = request.getUserPrincipal();
            if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
                return Optional.empty();
            }
            caller = new Caller(accounts.idOf(principal.getName()), request.isUserInRole(PLATFORM_ADMIN_ROLE));
        }
        return Optional.of(caller);
    }

    public Caller require() {
        return find().orElseThrow(() -> new KinshipException(ErrorCode.NOT_AUTHENTICATED,
                "Please sign in first."));
    }
}
