package io.gaplens.risk.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
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
import static io.gaplens.risk.RiskTestSupport.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Manual ratings, treatment decisions and the audit trail, on risks created from real gap events. */
@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class RiskDecisionTest {

    private String tenant;
    private String manager;
    private UUID assessment;

    /** Creates a risk rated likelihood 3, impact 3 (score 9, medium) and returns its id. */
    private String mediumRisk(String ref) {
        tenant = freshTenant("decide");
        manager = TestTokens.forTenant(tenant, "risk-manager");
        assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, ref, "PARTIALLY_IMPLEMENTED", 2, 3,
                "MEDIUM", "integrity"));
        return awaitRisk(manager, assessment, ref).getString("id");
    }

    /** Creates a risk rated likelihood 5, impact 5 (score 25, critical) and returns its id. */
    private String criticalRisk(String ref) {
        tenant = freshTenant("decide");
        manager = TestTokens.forTenant(tenant, "risk-manager");
        assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, ref, "NOT_IMPLEMENTED", null, 3,
                "HIGH", "confidentiality", "integrity", "availability"));
        return awaitRisk(manager, assessment, ref).getString("id");
    }

    private ValidatableResponse patch(String riskId, String etag, String body) {
        var request = given().auth().oauth2(manager).contentType("application/json").body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().patch("/api/v1/risks/" + riskId).then();
    }

    private ValidatableResponse treat(String riskId, String body) {
        return given().auth().oauth2(manager).header("If-Match", etagOfRisk(manager, riskId))
                .contentType("application/json").body(body)
                .when().put("/api/v1/risks/" + riskId + "/treatment").then();
    }

    @Test
    void chosenRatingKeepsComputedValues() {
        String riskId = mediumRisk("A.5.12");
        String etag = etagOfRisk(manager, riskId);

        patch(riskId, etag, "{\"likelihood\": 5, \"rationale\": \"Two incidents last quarter\"}")
                .statusCode(200)
                .body("inherent.likelihood.value", equalTo(5))
                .body("inherent.likelihood.label", equalTo("almost certain"))
                .body("inherent.impact.value", equalTo(3))
                .body("inherent.score", equalTo(15))
                .body("inherent.level", equalTo("critical"))
                .body("computed.likelihood", equalTo(3))
                .body("computed.impact", equalTo(3))
                .body("chosen.likelihood", equalTo(5))
                .body("chosen.impact", nullValue())
                .body("chosen.rationale", equalTo("Two incidents last quarter"))
                .body("chosen.chosenBy", equalTo("risk-manager@" + tenant));

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 2);
        assertEquals(15, json(events.get(1)).getInt("score"));
        assertEquals("critical", json(events.get(1)).getString("level"));

        patch(riskId, etagOfRisk(manager, riskId), "{\"likelihood\": null, \"rationale\": \"Incidents were false alarms\"}")
                .statusCode(200)
                .body("inherent.likelihood.value", equalTo(3))
                .body("inherent.score", equalTo(9))
                .body("chosen.likelihood", nullValue());
        assertEquals(9, json(awaitRiskEvents(riskId, 3).get(2)).getInt("score"));
    }

    @Test
    void chosenRatingNeedsMatchingIfMatch() {
        String riskId = mediumRisk("A.5.13");
        patch(riskId, null, "{\"impact\": 4, \"rationale\": \"r\"}")
                .statusCode(428).body("errors[0].field", equalTo("If-Match"));
        patch(riskId, "\"99\"", "{\"impact\": 4, \"rationale\": \"r\"}")
                .statusCode(412).body("errors[0].field", equalTo("If-Match"));

        String etag = etagOfRisk(manager, riskId);
        String next = patch(riskId, etag, "{\"impact\": 4, \"rationale\": \"Customer data involved\"}")
                .statusCode(200).extract().header("ETag");
        patch(riskId, etag, "{\"impact\": 5, \"rationale\": \"stale write\"}").statusCode(412);
        given().auth().oauth2(manager).header("If-Match", next).contentType("application/merge-patch+json")
                .body("{\"impact\": 5, \"rationale\": \"fresh write\"}")
                .when().patch("/api/v1/risks/" + riskId)
                .then().statusCode(200).body("inherent.impact.value", equalTo(5));
    }

    @Test
    void invalidChosenRatingIsRejectedNamingField() {
        String riskId = mediumRisk("A.5.14");
        String etag = etagOfRisk(manager, riskId);
        patch(riskId, etag, "{\"likelihood\": 4}").statusCode(400).body("errors.field", hasItem("rationale"));
        patch(riskId, etag, "{\"likelihood\": 4, \"rationale\": \"  \"}").statusCode(400)
                .body("errors.field", hasItem("rationale"));
        patch(riskId, etag, "{\"likelihood\": 6, \"rationale\": \"r\"}").statusCode(400)
                .body("errors[0].field", equalTo("likelihood"));
        patch(riskId, etag, "{\"impact\": 0, \"rationale\": \"r\"}").statusCode(400)
                .body("errors[0].field", equalTo("impact"));
        patch(riskId, etag, "{\"likelihood\": \"4\", \"rationale\": \"r\"}").statusCode(400)
                .body("errors[0].field", equalTo("likelihood"));
        patch(riskId, etag, "{\"rationale\": \"nothing to change\"}").statusCode(400)
                .body("errors[0].field", equalTo("likelihood"));
        patch(riskId, etag, "{\"likelihood\": 4, \"rationale\": \"r\", \"score\": 20}").statusCode(400)
                .body("errors[0].field", equalTo("score"));
        patch(riskId, etag, "[4]").statusCode(400).body("errors[0].field", equalTo("body"));

        given().auth().oauth2(manager).when().get("/api/v1/risks/" + riskId)
                .then().statusCode(200).body("inherent.score", equalTo(9)).body("chosen", nullValue());
    }

    @Test
    void treatmentChangesInBothDirections() {
        String riskId = criticalRisk("A.8.7");

        treat(riskId, """
                {"option": "MITIGATE", "owner": "it-ops", "rationale": "Deploy endpoint protection",
                 "decidedOn": "2026-12-01", "residualLikelihood": 2, "residualImpact": 3}""")
                .statusCode(200)
                .body("treatment.option", equalTo("MITIGATE"))
                .body("treatment.owner", equalTo("it-ops"))
                .body("treatment.decidedOn", equalTo("2026-12-01"))
                .body("residual.likelihood.value", equalTo(2))
                .body("residual.impact.value", equalTo(3))
                .body("residual.score", equalTo(6))
                .body("residual.level", equalTo("medium"))
                .body("inherent.score", equalTo(25));

        treat(riskId, """
                {"option": "ACCEPT", "owner": "ciso", "rationale": "Budget goes to phase 2",
                 "decidedOn": "2026-12-02", "approver": "board", "expiresOn": "2099-06-30"}""")
                .statusCode(200)
                .body("treatment.option", equalTo("ACCEPT"))
                .body("treatment.approver", equalTo("board"))
                .body("treatment.expiresOn", equalTo("2099-06-30"))
                .body("treatment.expired", equalTo(false))
                .body("residual.score", equalTo(25))
                .body("residual.level", equalTo("critical"));

        treat(riskId, """
                {"option": "MITIGATE", "owner": "it-ops", "rationale": "Budget approved after all",
                 "decidedOn": "2026-12-03", "residualLikelihood": 1, "residualImpact": 4}""")
                .statusCode(200)
                .body("residual.score", equalTo(4))
                .body("residual.level", equalTo("low"))
                .body("treatment.approver", nullValue());

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 4);
        assertEquals(List.of(25, 6, 25, 4), events.stream().map(record -> residualScore(json(record))).toList());
        assertEquals(List.of("critical", "medium", "critical", "low"),
                events.stream().map(record -> json(record).getString("residualLevel")).toList());
        assertEquals(List.of(25, 25, 25, 25), events.stream().map(record -> json(record).getInt("score")).toList());
    }

    private static int residualScore(JsonPath event) {
        return event.getInt("residualLikelihood") * event.getInt("residualImpact");
    }

    @Test
    void treatmentWithoutRatingChangeSendsNoEvent() {
        String riskId = criticalRisk("A.8.8");
        treat(riskId, """
                {"option": "TRANSFER", "owner": "finance", "rationale": "Cyber insurance", "decidedOn": "2026-12-01"}""")
                .statusCode(200).body("residual.score", equalTo(25));
        treat(riskId, """
                {"option": "AVOID", "owner": "cto", "rationale": "Retire the legacy portal", "decidedOn": "2026-12-02"}""")
                .statusCode(200).body("treatment.option", equalTo("AVOID"));
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.8.8"));

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 2);
        assertEquals(List.of("OPEN", "CLOSED"), events.stream().map(record -> json(record).getString("status")).toList());

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get("/api/v1/risks/" + riskId + "/audit-trail")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "TREATMENT_DECIDED", "TREATMENT_DECIDED", "CLOSED")))
                .body("items[2].oldValue.treatment", equalTo("TRANSFER"))
                .body("items[2].newValue.treatment", equalTo("AVOID"));
    }

    @Test
    void invalidTreatmentIsRejectedNamingField() {
        String riskId = criticalRisk("A.8.9");
        treat(riskId, """
                {"option": "ACCEPT", "owner": "ciso", "rationale": "r", "decidedOn": "2026-12-01"}""")
                .statusCode(400).body("errors.field", containsInAnyOrder("approver", "expiresOn"));
        treat(riskId, """
                {"option": "ACCEPT", "owner": "ciso", "rationale": "r", "decidedOn": "2026-12-01",
                 "approver": "board", "expiresOn": "2026-12-01"}""")
                .statusCode(400).body("errors[0].field", equalTo("expiresOn"));
        treat(riskId, """
                {"option": "MITIGATE", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01"}""")
                .statusCode(400).body("errors.field", containsInAnyOrder("residualLikelihood", "residualImpact"));
        treat(riskId, """
                {"option": "MITIGATE", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01",
                 "residualLikelihood": 6, "residualImpact": 2}""")
                .statusCode(400).body("errors[0].field", equalTo("residualLikelihood"));
        treat(riskId, """
                {"option": "TRANSFER", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01",
                 "residualImpact": 2}""")
                .statusCode(400).body("errors[0].field", equalTo("residualImpact"));
        treat(riskId, """
                {"option": "TRANSFER", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01",
                 "expiresOn": "2027-01-01"}""")
                .statusCode(400).body("errors[0].field", equalTo("expiresOn"));
        treat(riskId, """
                {"option": "IGNORE", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01"}""")
                .statusCode(400).body("errors[0].field", equalTo("option"));
        treat(riskId, """
                {"option": "AVOID", "owner": "it", "rationale": "r", "decidedOn": "next week"}""")
                .statusCode(400).body("errors[0].field", equalTo("decidedOn"));
        treat(riskId, """
                {"option": "AVOID", "rationale": "r"}""")
                .statusCode(400).body("errors.field", containsInAnyOrder("owner", "decidedOn"));
        treat(riskId, "{}")
                .statusCode(400).body("errors.field", containsInAnyOrder("option", "owner", "rationale", "decidedOn"));

        given().auth().oauth2(manager).when().get("/api/v1/risks/" + riskId)
                .then().statusCode(200).body("treatment", nullValue());
    }

    @Test
    void pastAcceptanceIsMarkedExpired() {
        String riskId = mediumRisk("A.5.35");
        treat(riskId, """
                {"option": "ACCEPT", "owner": "ciso", "rationale": "Accepted in the 2020 review",
                 "decidedOn": "2020-01-15", "approver": "board", "expiresOn": "2021-01-15"}""")
                .statusCode(200)
                .body("treatment.expired", equalTo(true))
                .body("residual.score", equalTo(9));
        given().auth().oauth2(manager).queryParam("assessmentId", assessment.toString())
                .when().get("/api/v1/risks")
                .then().statusCode(200)
                .body("items[0].treatment.expired", equalTo(true))
                .body("items[0].computed.scopeCriticality", equalTo("MEDIUM"));
    }

    @Test
    void mitigationCannotRaiseRisk() {
        String riskId = mediumRisk("A.8.10");
        treat(riskId, """
                {"option": "MITIGATE", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01",
                 "residualLikelihood": 2, "residualImpact": 4}""")
                .statusCode(400).body("errors[0].field", equalTo("residualImpact"));
    }

    @Test
    void closedRiskRejectsDecisions() {
        String riskId = mediumRisk("A.8.11");
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.8.11"));
        awaitRiskEvents(riskId, 2);
        treat(riskId, """
                {"option": "AVOID", "owner": "it", "rationale": "r", "decidedOn": "2026-12-01"}""")
                .statusCode(409).body("errors[0].field", equalTo("status"));
    }

    @Test
    void auditTrailRecordsWhoWhenOldAndNew() {
        String riskId = mediumRisk("A.5.30");
        patch(riskId, etagOfRisk(manager, riskId), "{\"impact\": 5, \"rationale\": \"Critical supplier\"}")
                .statusCode(200);
        treat(riskId, """
                {"option": "MITIGATE", "owner": "vendor-mgmt", "rationale": "Second supplier",
                 "decidedOn": "2026-12-05", "residualLikelihood": 2, "residualImpact": 2}""").statusCode(200);

        JsonPath trail = given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get("/api/v1/risks/" + riskId + "/audit-trail")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, trail.getInt("totalItems"));
        assertEquals(List.of("CREATED", "RATING_CHOSEN", "TREATMENT_DECIDED"), trail.getList("items.action"));
        assertTrue(trail.getString("items[0].actor").startsWith("event " + GAP_IDENTIFIED + " "),
                trail.getString("items[0].actor"));
        assertNull(trail.get("items[0].oldValue"));
        assertEquals("risk-manager@" + tenant, trail.getString("items[1].actor"));
        assertEquals("Critical supplier", trail.getString("items[1].note"));
        assertEquals(3, trail.getInt("items[1].oldValue.impact"));
        assertEquals(5, trail.getInt("items[1].newValue.impact"));
        assertEquals(9, trail.getInt("items[1].oldValue.score"));
        assertEquals(15, trail.getInt("items[1].newValue.score"));
        assertEquals(15, trail.getInt("items[2].oldValue.residualScore"));
        assertEquals(4, trail.getInt("items[2].newValue.residualScore"));
        assertEquals("MITIGATE", trail.getString("items[2].newValue.treatment"));
        assertTrue(trail.getString("items[2].occurredAt").matches("\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void readOnlyRolesCannotDecide() {
        String riskId = mediumRisk("A.5.31");
        String etag = etagOfRisk(manager, riskId);
        for (String role : List.of("auditor", "viewer", "assessor", "remediation-owner")) {
            String token = TestTokens.forTenant(tenant, role);
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body("{\"likelihood\": 1, \"rationale\": \"r\"}")
                    .when().patch("/api/v1/risks/" + riskId)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).header("If-Match", etag).contentType("application/json")
                    .body("{\"option\": \"AVOID\", \"owner\": \"it\", \"rationale\": \"r\", \"decidedOn\": \"2026-12-01\"}")
                    .when().put("/api/v1/risks/" + riskId + "/treatment")
                    .then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/risks/" + riskId).then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get("/api/v1/risks/" + riskId + "/audit-trail")
                .then().statusCode(403);
        given().when().get("/api/v1/risks/" + riskId).then().statusCode(401);
        given().when().get("/api/v1/risks").then().statusCode(401);
        given().contentType("application/json").body("{\"likelihood\": 1, \"rationale\": \"r\"}")
                .when().patch("/api/v1/risks/" + riskId).then().statusCode(401);
    }

    @Test
    void unknownRiskIdAnswersNotFound() {
        String token = TestTokens.forTenant(freshTenant("decide"), "viewer");
        given().auth().oauth2(token).when().get("/api/v1/risks/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v1/risks/not-a-uuid").then().statusCode(404);
    }

    @Test
    void registerFiltersAndPaginates() {
        tenant = freshTenant("register");
        String viewer = TestTokens.forTenant(tenant, "viewer");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, first, gapIdentified(tenant, first, "A.5.1", "NOT_IMPLEMENTED", null, 3, "HIGH"));
        send(GAP_IDENTIFIED, tenant, first, gapIdentified(tenant, first, "A.5.2", "PARTIALLY_IMPLEMENTED", 2, 3, "HIGH"));
        send(GAP_IDENTIFIED, tenant, first, gapIdentified(tenant, first, "A.5.3", "IMPLEMENTED", 2, 3, "HIGH"));
        send(GAP_IDENTIFIED, tenant, second, gapIdentified(tenant, second, "A.5.1", "IMPLEMENTED", 2, 3, "LOW"));
        awaitRisk(viewer, first, "A.5.3");
        String closedId = awaitRisk(viewer, second, "A.5.1").getString("id");
        send(GAP_CLOSED, tenant, second, gapClosed(tenant, second, "A.5.1"));
        awaitRiskEvents(closedId, 2);

        given().auth().oauth2(viewer).queryParam("assessmentId", first.toString())
                .when().get("/api/v1/risks")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.requirementRef", equalTo(List.of("A.5.1", "A.5.2", "A.5.3")))
                .body("items.inherent.score", equalTo(List.of(20, 12, 8)));
        given().auth().oauth2(viewer).queryParam("level", "high")
                .when().get("/api/v1/risks")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].requirementRef", equalTo("A.5.2"));
        given().auth().oauth2(viewer).queryParam("status", "closed")
                .when().get("/api/v1/risks")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].assessmentId", equalTo(second.toString()));
        given().auth().oauth2(viewer).queryParam("requirementRef", "A.5.1")
                .when().get("/api/v1/risks")
                .then().statusCode(200).body("totalItems", equalTo(2));
        given().auth().oauth2(viewer).queryParam("size", "2").queryParam("page", "1")
                .when().get("/api/v1/risks")
                .then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2))
                .body("items.inherent.score", equalTo(List.of(8, 4)));

        given().auth().oauth2(viewer).queryParam("status", "DONE").when().get("/api/v1/risks")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(viewer).queryParam("assessmentId", "42").when().get("/api/v1/risks")
                .then().statusCode(400).body("errors[0].field", equalTo("assessmentId"));
        given().auth().oauth2(viewer).queryParam("size", "0").when().get("/api/v1/risks")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }
}
