package io.gaplens.reporting.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
@TestProfile(RebuildTimeoutTest.NoTimeForRebuild.class)
class RebuildTimeoutTest {

    /** Gives a rebuild no time at all, so that it cannot finish reading the topics. */
    public static class NoTimeForRebuild implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.rebuild.timeout", "PT0S");
        }
    }

    @Test
    void rebuildOutOfTimeIsUnavailable() {
        given().auth().oauth2(TestTokens.forTenant("timeout-" + UUID.randomUUID(), "admin"))
                .when().post("/api/v1/reports/rebuild")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("the read models are incomplete until a rebuild succeeds"));
    }
}
