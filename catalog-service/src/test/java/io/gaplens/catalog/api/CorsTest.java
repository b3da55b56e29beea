package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Browser front ends on a configured origin may call the API; other origins get no CORS grant. */
@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
@TestProfile(CorsTest.AllowedOrigin.class)
class CorsTest {

    private static final String ALLOWED = "https://grc.example.test";
    private static final String PATH = "/api/v1/catalogs/iso-iec-27001/versions/2022";

    public static class AllowedOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", ALLOWED);
        }
    }

    @Test
    void preflightFromAllowedOriginIsGranted() {
        given().header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .when().options(PATH)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("PUT"));
    }

    @Test
    void responseToAllowedOriginExposesTheETag() {
        given().header("Origin", ALLOWED)
                .auth().oauth2(TestTokens.forTenant("cors", "viewer"))
                .when().get(PATH)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void otherOriginGetsNoGrant() {
        given().header("Origin", "https://elsewhere.example.test")
                .auth().oauth2(TestTokens.forTenant("cors", "viewer"))
                .when().get(PATH)
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
