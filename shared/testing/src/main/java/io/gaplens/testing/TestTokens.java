package io.gaplens.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Arrays;
import java.util.Set;

/**
 * Signs real OIDC bearer tokens with the test-only key in {@code /gaplens-test-keys}, which
 * {@link GapLensTestInfrastructure} configures as the trusted key. The key protects nothing outside tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://gaplens.test/issuer";
    public static final String TENANT_CLAIM = "tenant";

    private TestTokens() {
    }

    /** Returns a token for {@code user} of {@code tenant} with {@code roles} in the groups claim. */
    public static String token(String tenant, String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(user)
                .upn(user)
                .groups(Set.copyOf(Arrays.asList(roles)))
                .claim(TENANT_CLAIM, tenant)
                .expiresIn(3600)
                .jws()
                .sign("/gaplens-test-keys/private-key.pem");
    }

    /** Returns a token of {@code tenant} with {@code roles}, for a user named after the first role. */
    public static String forTenant(String tenant, String... roles) {
        String user = roles.length == 0 ? "nobody" : roles[0] + "@" + tenant;
        return token(tenant, user, roles);
    }
}
