package org.kinship.platform.account;

import java.util.Objects;

/**
 * Who is making a request, as the use cases see it: an account, and whether the identity provider
 * says they run the server. Built at the edge from the token; the domain never sees JWT claims.
 */
public record Caller(AccountId account, boolean platformAdmin) {
    public Caller {
        Objects.requireNonNull(account, "account");
    }
}
