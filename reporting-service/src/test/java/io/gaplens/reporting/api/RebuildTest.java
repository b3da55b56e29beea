package io.gaplens.reporting.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class RebuildTest {

    private static final List<String> REPORTS = List.of("/summary", "/gaps", "/statement-of-applicability",
            "/heat-map", "/roadmap");

    private static Map<String, String> reports(String tenant, UUID assessmentId) {
        String token = TestTokens.forTenant(tenant, "auditor");
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String report : REPORTS) {
            bodies.put(report, given().auth().oauth2(token)
                    .when().get("/api/v1/reports/assessments/" + assessmentId + report)
                    .then().statusCode(200)
                    .extract().asString());
        }
        bodies.put("/exports/oscal-assessment-results.json", given().auth().oauth2(token)
                .when().get("/api/v1/reports/assessments/" + assessmentId + "/exports/oscal-assessment-results.json")
                .then().statusCode(200)
                .extract().asString());
        return bodies;
    }

    @Test
    void rebuildByReplayGivesSameReports() {
        String tenant = "rebuild-" + UUID.randomUUID();
        Scenario scenario = Scenario.fed(tenant);
        Map<String, String> before = reports(tenant, scenario.assessmentId);

        given().auth().oauth2(TestTokens.forTenant(tenant, "admin"))
                .when().post("/api/v1/reports/rebuild")
                .then().statusCode(200)
                .body("tenantId", equalTo(tenant))
                .body("eventsApplied", equalTo(Scenario.EVENT_COUNT))
                .body("alreadyApplied", equalTo(0))
                .body("assessments", equalTo(1))
                .body("otherTenants", greaterThanOrEqualTo(0));

        Map<String, String> after = reports(tenant, scenario.assessmentId);
        for (String report : before.keySet()) {
            assertEquals(before.get(report), after.get(report), report + " differs after the rebuild");
        }
    }

    @Test
    void rebuildLeavesOtherTenantsAlone() {
        String tenant = "rebuild-" + UUID.randomUUID();
        String neighbour = "neighbour-" + UUID.randomUUID();
        Scenario own = Scenario.fed(tenant);
        Scenario other = Scenario.fed(neighbour);
        Map<String, String> neighbourBefore = reports(neighbour, other.assessmentId);

        given().auth().oauth2(TestTokens.forTenant(tenant, "admin"))
                .when().post("/api/v1/reports/rebuild")
                .then().statusCode(200)
                .body("eventsApplied", equalTo(Scenario.EVENT_COUNT))
                .body("otherTenants", greaterThanOrEqualTo(Scenario.EVENT_COUNT));

        assertEquals(neighbourBefore, reports(neighbour, other.assessmentId));
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get("/api/v1/reports/assessments/" + own.assessmentId + "/summary")
                .then().statusCode(200)
                .body("asOf.eventCount", equalTo(Scenario.EVENT_COUNT));
    }

    @Test
    void onlyAdminRebuilds() {
        String tenant = "rebuild-" + UUID.randomUUID();
        for (String role : List.of("assessor", "risk-manager", "remediation-owner", "auditor", "viewer")) {
            given().auth().oauth2(TestTokens.forTenant(tenant, role))
                    .when().post("/api/v1/reports/rebuild")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().post("/api/v1/reports/rebuild").then().statusCode(401);
    }
}
