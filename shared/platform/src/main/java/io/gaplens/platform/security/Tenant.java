package io.gaplens.platform.security;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The organisation and user of the current request, read from the bearer token. Every query and
 * event of a service is scoped by {@link #id()}.
 */
@RequestScoped
public class Tenant {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "gaplens.security.tenant-claim", defaultValue = "tenant")
    String tenantClaim;

    /** Returns the tenant id, or fails with 403 when the token carries no tenant claim. */
    public String id() {
        Object claim = token.getClaim(tenantClaim);
        String tenant = claim == null ? null : claim.toString().replace("\"", "").trim();
        if (tenant == null || tenant.isEmpty()) {
            throw new ApiException(ProblemType.FORBIDDEN,
                    "The token has no '" + tenantClaim + "' claim naming the organisation");
        }
        return tenant;
    }

    /** Returns the user's name for audit trails: the token's {@code upn}, {@code preferred_username} or subject. */
    public String user() {
        String name = token.getName();
        return name != null ? name : identity.getPrincipal().getName();
    }
}
