package io.gaplens.risk.messaging;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.gaplens.risk.RiskTestSupport.ASSESSMENT_STARTED;
import static io.gaplens.risk.RiskTestSupport.GAP_CLOSED;
import static io.gaplens.risk.RiskTestSupport.GAP_IDENTIFIED;
import static io.gaplens.risk.RiskTestSupport.WAIT;
import static io.gaplens.risk.RiskTestSupport.assessmentStarted;
import static io.gaplens.risk.RiskTestSupport.awaitRisk;
import static io.gaplens.risk.RiskTestSupport.awaitRiskEvents;
import static io.gaplens.risk.RiskTestSupport.freshTenant;
import static io.gaplens.risk.RiskTestSupport.gapClosed;
import static io.gaplens.risk.RiskTestSupport.gapIdentified;
import static io.gaplens.risk.RiskTestSupport.json;
import static io.gaplens.risk.RiskTestSupport.readRisk;
import static io.gaplens.risk.RiskTestSupport.send;
import static io.gaplens.risk.RiskTestSupport.sendWithId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class GapRatingFlowTest {

    @Test
    void gapFromKafkaCreatesRatedRisk() {
        String tenant = freshTenant("flow");
        String viewer = TestTokens.forTenant(tenant, "viewer");
        UUID assessment = UUID.randomUUID();

        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.15", "NOT_IMPLEMENTED", null,
                3, "HIGH", "integrity", "confidentiality", "availability"));
        JsonPath risk = awaitRisk(viewer, assessment, "A.5.15");

        assertEquals("OPEN", risk.getString("status"));
        assertEquals("Title of A.5.15", risk.getString("requirementTitle"));
        assertEquals("A.5", risk.getString("group"));
        assertEquals(5, risk.getInt("inherent.likelihood.value"));
        assertEquals("almost certain", risk.getString("inherent.likelihood.label"));
        assertEquals(5, risk.getInt("inherent.impact.value"));
        assertEquals("severe", risk.getString("inherent.impact.label"));
        assertEquals(25, risk.getInt("inherent.score"));
        assertEquals("critical", risk.getString("inherent.level"));
        assertEquals(List.of(
                "status NOT_IMPLEMENTED: 4 points",
                "maturity unknown (counted as 0) is 3 below the target 3: +1 point",
                "5 points on the 1-5 reference scale: likelihood 5 of 5 (almost certain)"),
                risk.getList("computed.likelihoodReasons"));
        assertEquals(List.of(
                "scope criticality HIGH: 4 points",
                "the control protects availability, confidentiality, integrity: +1 point",
                "5 points on the 1-5 reference scale: impact 5 of 5 (severe)"),
                risk.getList("computed.impactReasons"));
        assertEquals("HIGH", risk.getString("computed.scopeCriticality"));
        assertNull(risk.get("chosen"));
        assertNull(risk.get("treatment"));
        assertEquals(25, risk.getInt("residual.score"));
        assertEquals("critical", risk.getString("residual.level"));
    }

    @Test
    void riskAssessedCarriesCloudEventHeadersAndKey() {
        String tenant = freshTenant("flow");
        UUID assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "6.1.2", "PARTIALLY_IMPLEMENTED",
                2, 3, "MEDIUM", "integrity"));
        String riskId = awaitRisk(TestTokens.forTenant(tenant, "viewer"), assessment, "6.1.2").getString("id");

        ConsumerRecord<String, String> record = awaitRiskEvents(riskId, 1).get(0);
        assertEquals(assessment.toString(), record.key());
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals("io.gaplens.risk.RiskAssessed.v1", KafkaTestClient.header(record, "ce_type"));
        assertEquals("/gaplens/risk-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals(riskId, KafkaTestClient.header(record, "ce_subject"));
        assertEquals(tenant, KafkaTestClient.header(record, "ce_tenantid"));
        assertEquals("application/json", KafkaTestClient.header(record, "content-type"));
        assertFalse(KafkaTestClient.header(record, "ce_id").isBlank());

        JsonPath payload = json(record);
        assertEquals(tenant, payload.getString("tenantId"));
        assertEquals(riskId, payload.getString("riskId"));
        assertEquals(assessment.toString(), payload.getString("assessmentId"));
        assertEquals("6.1.2", payload.getString("requirementRef"));
        assertEquals("Title of 6.1.2", payload.getString("requirementTitle"));
        assertEquals("6", payload.getString("group"));
        assertEquals(3, payload.getInt("likelihood"));
        assertEquals(3, payload.getInt("impact"));
        assertEquals(9, payload.getInt("score"));
        assertEquals("medium", payload.getString("level"));
        assertEquals(3, payload.getInt("residualLikelihood"));
        assertEquals(3, payload.getInt("residualImpact"));
        assertEquals("medium", payload.getString("residualLevel"));
        assertEquals("OPEN", payload.getString("status"));
        assertTrue(payload.getString("assessedAt").matches("\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void redeliveredGapIsAppliedOnce() {
        String tenant = freshTenant("flow");
        String auditor = TestTokens.forTenant(tenant, "auditor");
        UUID assessment = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();

        sendWithId(ceId, GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.8.5",
                "NOT_IMPLEMENTED", null, 3, "HIGH", "confidentiality", "integrity", "availability"));
        String riskId = awaitRisk(auditor, assessment, "A.8.5").getString("id");
        // The same event id with other content: applied a second time, it would lower the rating.
        sendWithId(ceId, GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.8.5",
                "IMPLEMENTED", 2, 3, "LOW"));
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.8.5"));

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 2);
        assertEquals(2, events.size());
        assertEquals("OPEN", json(events.get(0)).getString("status"));
        assertEquals(25, json(events.get(0)).getInt("score"));
        assertEquals("CLOSED", json(events.get(1)).getString("status"));
        assertEquals(25, json(events.get(1)).getInt("score"));

        JsonPath trail = given().auth().oauth2(auditor).when().get("/api/v1/risks/" + riskId + "/audit-trail")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "CLOSED"), trail.getList("items.action"));
        assertEquals(25, readRisk(auditor, riskId).getInt("inherent.score"));
    }

    @Test
    void gapClosedClosesRiskAndAnnouncesIt() {
        String tenant = freshTenant("flow");
        String viewer = TestTokens.forTenant(tenant, "viewer");
        UUID assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.24", "PARTIALLY_IMPLEMENTED",
                2, 3, "MEDIUM", "integrity"));
        String riskId = awaitRisk(viewer, assessment, "A.5.24").getString("id");

        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.5.24"));
        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 2);

        JsonPath closed = json(events.get(1));
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(9, closed.getInt("score"));
        assertEquals("medium", closed.getString("level"));
        JsonPath risk = readRisk(viewer, riskId);
        assertEquals("CLOSED", risk.getString("status"));
        assertEquals("2026-11-20T08:00:00Z", risk.getString("closedAt"));

        given().auth().oauth2(viewer).queryParam("assessmentId", assessment.toString()).queryParam("status", "OPEN")
                .when().get("/api/v1/risks")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void gapIdentifiedAgainReopensClosedRisk() {
        String tenant = freshTenant("flow");
        String viewer = TestTokens.forTenant(tenant, "viewer");
        UUID assessment = UUID.randomUUID();
        String gap = gapIdentified(tenant, assessment, "A.7.4", "NOT_IMPLEMENTED", 0, 2, "LOW");
        send(GAP_IDENTIFIED, tenant, assessment, gap);
        String riskId = awaitRisk(viewer, assessment, "A.7.4").getString("id");
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.7.4"));
        send(GAP_IDENTIFIED, tenant, assessment, gap);

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 3);
        assertEquals(List.of("OPEN", "CLOSED", "OPEN"),
                events.stream().map(record -> json(record).getString("status")).toList());
        JsonPath risk = readRisk(viewer, riskId);
        assertEquals("OPEN", risk.getString("status"));
        assertNull(risk.get("closedAt"));
    }

    @Test
    void gapUpdateReratesOnlyOnChange() {
        String tenant = freshTenant("flow");
        String viewer = TestTokens.forTenant(tenant, "viewer");
        UUID assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.8.2", "PARTIALLY_IMPLEMENTED",
                2, 3, "MEDIUM", "confidentiality"));
        String riskId = awaitRisk(viewer, assessment, "A.8.2").getString("id");

        String worse = gapIdentified(tenant, assessment, "A.8.2", "NOT_IMPLEMENTED", 0, 3, "MEDIUM", "confidentiality");
        send(GAP_IDENTIFIED, tenant, assessment, worse);
        send(GAP_IDENTIFIED, tenant, assessment, worse);
        send(GAP_CLOSED, tenant, assessment, gapClosed(tenant, assessment, "A.8.2"));

        List<ConsumerRecord<String, String>> events = awaitRiskEvents(riskId, 3);
        assertEquals(3, events.size());
        assertEquals(9, json(events.get(0)).getInt("score"));
        assertEquals("medium", json(events.get(0)).getString("level"));
        assertEquals(5, json(events.get(1)).getInt("likelihood"));
        assertEquals(3, json(events.get(1)).getInt("impact"));
        assertEquals(15, json(events.get(1)).getInt("score"));
        assertEquals("critical", json(events.get(1)).getString("level"));
        assertEquals("CLOSED", json(events.get(2)).getString("status"));
        assertEquals(15, json(events.get(2)).getInt("score"));
    }

    @Test
    void scopeChangeReratesAssessmentRisks() {
        String tenant = freshTenant("flow");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        UUID assessment = UUID.randomUUID();
        send(ASSESSMENT_STARTED, tenant, assessment, assessmentStarted(tenant, assessment, "MEDIUM"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.1", "PARTIALLY_IMPLEMENTED",
                2, 3, "MEDIUM"));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.2", "IMPLEMENTED",
                2, 3, "MEDIUM"));
        String first = awaitRisk(manager, assessment, "A.5.1").getString("id");
        String second = awaitRisk(manager, assessment, "A.5.2").getString("id");
        assertEquals(9, readRisk(manager, first).getInt("inherent.score"));
        assertEquals(6, readRisk(manager, second).getInt("inherent.score"));

        send(ASSESSMENT_STARTED, tenant, assessment, assessmentStarted(tenant, assessment, "VERY_HIGH"));
        assertEquals(15, json(awaitRiskEvents(first, 2).get(1)).getInt("score"));
        assertEquals(10, json(awaitRiskEvents(second, 2).get(1)).getInt("score"));
        assertEquals("high", readRisk(manager, second).getString("inherent.level"));

        String etag = given().auth().oauth2(manager).when().get("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(200).body("criticality", equalTo("VERY_HIGH")).extract().header("ETag");
        given().auth().oauth2(manager).header("If-Match", etag).contentType("application/json")
                .body("{\"criticality\": \"LOW\"}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(200)
                .body("criticality", equalTo("LOW"))
                .body("updatedBy", equalTo("risk-manager@" + tenant));

        JsonPath lowered = json(awaitRiskEvents(first, 3).get(2));
        assertEquals(3, lowered.getInt("likelihood"));
        assertEquals(2, lowered.getInt("impact"));
        assertEquals("medium", lowered.getString("level"));
        assertEquals(List.of("scope criticality LOW: 2 points",
                        "2 points on the 1-5 reference scale: impact 2 of 5 (minor)"),
                readRisk(manager, first).getList("computed.impactReasons"));
    }

    @Test
    void scopeChangeNeedsIfMatchAndRiskManager() {
        String tenant = freshTenant("flow");
        UUID assessment = UUID.randomUUID();
        send(ASSESSMENT_STARTED, tenant, assessment, assessmentStarted(tenant, assessment, "HIGH"));
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(manager)
                .when().get("/api/v1/assessment-scopes/" + assessment).then().statusCode(200));

        given().auth().oauth2(manager).contentType("application/json").body("{\"criticality\": \"LOW\"}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(428);
        given().auth().oauth2(manager).header("If-Match", "\"7\"").contentType("application/json")
                .body("{\"criticality\": \"LOW\"}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(412);
        given().auth().oauth2(manager).header("If-Match", "*").contentType("application/json")
                .body("{\"criticality\": \"EXTREME\"}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(400).body("errors[0].field", equalTo("criticality"));
        given().auth().oauth2(manager).header("If-Match", "*").contentType("application/json").body("{}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(400).body("errors[0].field", equalTo("criticality"));
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor")).header("If-Match", "*")
                .contentType("application/json").body("{\"criticality\": \"LOW\"}")
                .when().put("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.forTenant(freshTenant("other"), "risk-manager"))
                .when().get("/api/v1/assessment-scopes/" + assessment)
                .then().statusCode(404);
    }

    @Test
    void poisonRecordsGoToDeadLetter() {
        String tenant = freshTenant("poison");
        UUID assessment = UUID.randomUUID();
        String key = assessment.toString();

        KafkaTestClient.send("gaplens.assessment.events", key,
                KafkaTestClient.cloudEventHeaders(GAP_IDENTIFIED, key, tenant), "this is not JSON");
        KafkaTestClient.send("gaplens.assessment.events", key,
                KafkaTestClient.cloudEventHeaders("io.gaplens.assessment.GapInvented.v1", key, tenant), "{}");
        KafkaTestClient.send("gaplens.assessment.events", key,
                KafkaTestClient.cloudEventHeaders(GAP_IDENTIFIED, key, tenant),
                gapIdentified(tenant, assessment, "A.5.9", "NOT_IMPLEMENTED", null, 3, "HIGH")
                        .replace("\"requirementTitle\": \"Title of A.5.9\",", ""));
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.5.10", "NOT_IMPLEMENTED",
                null, 3, "HIGH"));

        JsonPath valid = awaitRisk(TestTokens.forTenant(tenant, "viewer"), assessment, "A.5.10");
        assertEquals(20, valid.getInt("inherent.score"));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil("gaplens.risk-service.dead-letter",
                record -> key.equals(record.key()), records -> records.size() >= 3, WAIT);
        assertEquals(3, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("is not JSON"),
                KafkaTestClient.header(dead.get(0), "dead-letter-reason"));
        assertTrue(KafkaTestClient.header(dead.get(1), "dead-letter-reason")
                        .contains("Unknown event type io.gaplens.assessment.GapInvented.v1"),
                KafkaTestClient.header(dead.get(1), "dead-letter-reason"));
        assertTrue(KafkaTestClient.header(dead.get(2), "dead-letter-reason").contains("violates the GapIdentified schema"),
                KafkaTestClient.header(dead.get(2), "dead-letter-reason"));
        assertEquals("this is not JSON", dead.get(0).value());

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .queryParam("assessmentId", key).queryParam("requirementRef", "A.5.9")
                .when().get("/api/v1/risks")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void riskOfOneTenantIsInvisibleToAnother() {
        String tenant = freshTenant("owner");
        UUID assessment = UUID.randomUUID();
        send(GAP_IDENTIFIED, tenant, assessment, gapIdentified(tenant, assessment, "A.6.3", "NOT_IMPLEMENTED", null,
                2, "LOW"));
        String riskId = awaitRisk(TestTokens.forTenant(tenant, "viewer"), assessment, "A.6.3").getString("id");

        String other = TestTokens.forTenant(freshTenant("intruder"), "risk-manager");
        given().auth().oauth2(other).when().get("/api/v1/risks/" + riskId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).when().get("/api/v1/risks/" + riskId + "/audit-trail")
                .then().statusCode(404);
        given().auth().oauth2(other).header("If-Match", "*").contentType("application/json")
                .body("{\"likelihood\": 1, \"rationale\": \"mine now\"}")
                .when().patch("/api/v1/risks/" + riskId)
                .then().statusCode(404);
        given().auth().oauth2(other).queryParam("assessmentId", assessment.toString())
                .when().get("/api/v1/risks")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(other).queryParam("assessmentId", assessment.toString())
                .when().get("/api/v1/risks/heat-map")
                .then().statusCode(200).body("openRisks", equalTo(0));
    }
}
