package io.gaplens.risk.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.risk.RiskTestSupport.GAP_CLOSED;
import static io.gaplens.risk.RiskTestSupport.GAP_IDENTIFIED;
import static io.gaplens.risk.RiskTestSupport.awaitRisk;
import static io.gaplens.risk.RiskTestSupport.awaitRiskEvents;
import static io.gaplens.risk.RiskTestSupport.etagOfRisk;
import static io.gaplens.risk.RiskTestSupport.freshTenant;
import static io.gaplens.risk.RiskTestSupport.gapClosed;
import static io.gaplens.risk.RiskTestSupport.gapIdentified;
import static io.gaplens.risk.RiskTestSupport.json;
import static io.gaplens.risk.RiskTestSupport.readRisk;
import static io.gaplens.risk.RiskTestSupport.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class HeatMapAndMethodChangeTest {

    private static final String THREE_BY_THREE = """
            {"likelihoodScale": ["low", "medium", "high"], "impactScale": ["low", "medium", "high"],
             "levels": ["low", "medium", "high"],
             "thresholds": [{"level": "medium", "minScore": 3}, {"level": "high", "minScore": 6}]}
            """;

    /** Returns the counts of the cells that hold risks, keyed "likelihood,impact". */
    private static Map<String, Integer> occupied(JsonPath map, String ratings) {
        List<Map<String, Object>> cells = map.getList(ratings);
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        for (Map<String, Object> cell : cells) {
            int count = (Integer) cell.get("count");
            if (count > 0) {
                counts.put(cell.get("likelihood") + "," + cell.get("impact"), count);
            }
        }
        return counts;
    }

    @Test
    void heatMapCountsOpenRisksInherentAndResidual() {
        String tenant = freshTenant("heat");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        UUID assessment = UUID.randomUUID();
        UUID otherAssessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.1", "NOT_IMPLEMENTED", null, 3,
                "HIGH", "confidentiality", "integrity", "availability"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.2", "PARTIALLY_IMPLEMENTED", 2, 3,
                "HIGH"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.3", "PARTIALLY_IMPLEMENTED", 2, 3,
                "HIGH"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.4", "IMPLEMENTED", 2, 3, "HIGH"));
        send(GAP_IDENTIFIED, tenant, otherAssessment, gapIdentified(tenant, otherAssessment, "A.5.1", "NOT_IMPLEMENTED",
                null, 3, "HIGH"));
        String mitigated = awaitRisk(manager, assessment, "A.5.2").getString("id");
        String closed = awaitRisk(manager, assessment, "A.5.4").getString("id");
        awaitRisk(manager, assessment, "A.5.1");
        awaitRisk(manager, assessment, "A.5.3");
        awaitRisk(manager, otherAssessment, "A.5.1");
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.5.4"));
        awaitRiskEvents(closed, 2);
        given().auth().oauth2(manager).header("If-Match", etagOfRisk(manager, mitigated)).contentType("application/json")
                .body("""
                        {"option": "MITIGATE", "owner": "it", "rationale": "MFA rollout", "decidedOn": "2026-12-01",
                         "residualLikelihood": 1, "residualImpact": 2}""")
                .when().put("/api/v1/risks/" + mitigated + "/treatment")
                .then().statusCode(200);

        JsonPath map = given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .queryParam("assessmentId", assessment.toString())
                .when().get("/api/v1/risks/heat-map")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(3, map.getInt("openRisks"));
        assertEquals(25, map.getList("inherent").size());
        assertEquals(25, map.getList("residual").size());
        assertEquals(Map.of("5,5", 1, "3,4", 2), occupied(map, "inherent"));
        assertEquals(Map.of("5,5", 1, "3,4", 1, "1,2", 1), occupied(map, "residual"));
        assertEquals("almost certain", map.getString("likelihoodScale[4].label"));
        assertEquals("severe", map.getString("impactScale[4].label"));
        assertEquals("possible", map.getString("inherent.find { it.likelihood == 3 && it.impact == 4 }.likelihoodLabel"));
        assertEquals("major", map.getString("inherent.find { it.likelihood == 3 && it.impact == 4 }.impactLabel"));
        assertEquals("high", map.getString("inherent.find { it.likelihood == 3 && it.impact == 4 }.level"));
        assertEquals(List.of("low", "medium", "high", "critical"), map.getList("levels"));
    }

    @Test
    void heatMapNeedsValidAssessmentId() {
        String viewer = TestTokens.forTenant(freshTenant("heat"), "viewer");
        given().auth().oauth2(viewer).when().get("/api/v1/risks/heat-map")
                .then().statusCode(400).body("errors[0].field", equalTo("assessmentId"));
        given().auth().oauth2(viewer).queryParam("assessmentId", "last-year").when().get("/api/v1/risks/heat-map")
                .then().statusCode(400).body("errors[0].field", equalTo("assessmentId"));
        given().when().get("/api/v1/risks/heat-map?assessmentId=" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void methodChangeReratesOpenRisks() {
        String tenant = freshTenant("rerate");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        UUID assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.1", "NOT_IMPLEMENTED", null, 3,
                "HIGH", "confidentiality", "integrity", "availability"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.2", "PARTIALLY_IMPLEMENTED", 2, 3,
                "HIGH"));
        String critical = awaitRisk(manager, assessment, "A.5.1").getString("id");
        String medium = awaitRisk(manager, assessment, "A.5.2").getString("id");
        given().auth().oauth2(manager).header("If-Match", etagOfRisk(manager, medium)).contentType("application/json")
                .body("{\"impact\": 5, \"rationale\": \"Payroll data\"}")
                .when().patch("/api/v1/risks/" + medium)
                .then().statusCode(200).body("inherent.score", equalTo(15));

        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json").body(THREE_BY_THREE)
                .when().put("/api/v1/risk-methods/current")
                .then().statusCode(200);

        JsonPath criticalEvent = json(awaitRiskEvents(critical, 2).get(1));
        assertEquals(3, criticalEvent.getInt("likelihood"));
        assertEquals(3, criticalEvent.getInt("impact"));
        assertEquals(9, criticalEvent.getInt("score"));
        assertEquals("high", criticalEvent.getString("level"));
        JsonPath mediumEvent = json(awaitRiskEvents(medium, 3).get(2));
        assertEquals(2, mediumEvent.getInt("likelihood"));
        assertEquals(3, mediumEvent.getInt("impact"));
        assertEquals("high", mediumEvent.getString("level"));

        JsonPath risk = readRisk(manager, medium);
        assertEquals(3, risk.getInt("chosen.impact"));
        assertEquals(2, risk.getInt("computed.likelihood"));
        assertEquals(3, risk.getInt("computed.impact"));
        assertEquals("high", risk.getString("inherent.impact.label"));
        assertEquals("3 points on the 1-5 reference scale: likelihood 2 of 3 (medium)",
                risk.getList("computed.likelihoodReasons").get(1));

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get("/api/v1/risks/" + medium + "/audit-trail")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "RATING_CHOSEN", "RE_RATED")))
                .body("items[2].note", equalTo("risk method replaced; chosen impact 5 lowered to 3, the top of the new scale"));

        JsonPath map = given().auth().oauth2(manager).queryParam("assessmentId", assessment.toString())
                .when().get("/api/v1/risks/heat-map")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(9, map.getList("inherent").size());
        assertEquals(Map.of("3,3", 1, "2,3", 1), occupied(map, "inherent"));
    }
}
