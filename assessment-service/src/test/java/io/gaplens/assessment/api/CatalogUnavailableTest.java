package io.gaplens.assessment.api;

import io.gaplens.infra.FreePorts;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Runs without catalog-service: its URL names a free port on 127.0.0.1 where nothing listens. */
@QuarkusTest
@TestProfile(CatalogUnavailableTest.CatalogDown.class)
@WithTestResource(GapLensTestInfrastructure.class)
class CatalogUnavailableTest {

    public static class CatalogDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("assessment.catalog.url", "http://127.0.0.1:" + FreePorts.next(),
                        "assessment.catalog.timeout", "3s");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void unreachableCatalogueIs503AndWritesNothing() {
        String token = assessor(freshTenant());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\": \"ISMS\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\"}")
                .when().post(BASE)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/unavailable"))
                .body("detail", startsWith("The catalogue service at http://127.0.0.1:"));

        given().auth().oauth2(token).when().get(BASE).then().statusCode(200).body("totalItems", equalTo(0));
    }
}
