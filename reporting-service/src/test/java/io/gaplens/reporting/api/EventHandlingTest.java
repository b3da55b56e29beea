package io.gaplens.reporting.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class EventHandlingTest {

    private static String start(Scenario scenario, UUID assessmentId) {
        return scenario.send(assessmentId, "AssessmentStarted", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","name":"Events","catalogId":"iso-iec-27001",
                 "catalogVersion":"2022","targetMaturity":3,"baselineAssessmentId":null,"assessableCount":2,
                 "scopeCriticality":"MEDIUM","startedAt":"2026-11-01T08:00:00Z","requirements":[
                  {"ref":"4.1","title":"Context","kind":"CLAUSE","group":"4","excludable":false},
                  {"ref":"A.5.1","title":"Policies","kind":"CONTROL","group":"A.5","excludable":true}]}
                """.formatted(scenario.tenant, assessmentId));
    }

    private static String answerPayload(String tenant, UUID assessmentId, String ref, String kind, String group,
                                        String status, Integer maturity, String answeredAt) {
        return """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"%s","requirementTitle":"Title of %s",
                 "requirementKind":"%s","group":"%s","status":"%s","maturity":%s,"targetMaturity":3,
                 "justification":null,"inclusionReasons":[],"evidence":[],"notes":null,"gap":false,
                 "carriedOver":false,"remediated":false,"answeredBy":"assessor","answeredAt":"%s"}
                """.formatted(tenant, assessmentId, ref, ref, kind, group, status, maturity, answeredAt);
    }

    private static io.restassured.response.ValidatableResponse summary(String tenant, UUID assessmentId) {
        return given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get("/api/v1/reports/assessments/" + assessmentId + "/summary")
                .then().statusCode(200);
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        start(scenario, assessmentId);
        String eventId = UUID.randomUUID().toString();
        String answer = answerPayload(tenant, assessmentId, "4.1", "CLAUSE", "4", "IMPLEMENTED", 3,
                "2026-11-01T09:00:00Z");
        EventFeed.sendWithId(eventId, tenant, "AnswerRecorded", "assessment", assessmentId, answer);
        // The same event id again, with a changed payload: a second application would show NOT_IMPLEMENTED.
        EventFeed.sendWithId(eventId, tenant, "AnswerRecorded", "assessment", assessmentId,
                answer.replace("\"IMPLEMENTED\"", "\"NOT_IMPLEMENTED\"").replace("09:00:00Z", "09:30:00Z"));
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "A.5.1", "CONTROL",
                "A.5", "IMPLEMENTED", 4, "2026-11-01T10:00:00Z"));

        // The start, the first answer and A.5.1: three distinct events. The summary answers 404 until
        // the start is applied, so the wait goes through EventFeed, which accepts that.
        EventFeed.awaitEventCount(tenant, assessmentId, 3);
        summary(tenant, assessmentId)
                .body("progress.answered", equalTo(2))
                .body("asOf.eventCount", equalTo(3))
                .body("countsByStatus.IMPLEMENTED", equalTo(2))
                .body("countsByStatus.NOT_IMPLEMENTED", equalTo(0))
                .body("overall.compliant", equalTo(2));
    }

    @Test
    void olderAnswerDoesNotOverwriteNewer() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        start(scenario, assessmentId);
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "4.1", "CLAUSE",
                "4", "IMPLEMENTED", 4, "2026-11-02T09:00:00Z"));
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "4.1", "CLAUSE",
                "4", "NOT_IMPLEMENTED", null, "2026-11-01T09:00:00Z"));
        EventFeed.awaitEventCount(tenant, assessmentId, 3);

        summary(tenant, assessmentId)
                .body("countsByStatus.IMPLEMENTED", equalTo(1))
                .body("countsByStatus.NOT_IMPLEMENTED", equalTo(0))
                .body("asOf.eventType", equalTo("AnswerRecorded"));
    }

    @Test
    void riskBeforeAssessmentStartIsKept() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        scenario.send(assessmentId, "RiskAssessed", "risk", """
                {"tenantId":"%s","riskId":"%s","assessmentId":"%s","requirementRef":"4.1","requirementTitle":"Context",
                 "group":"4","likelihood":3,"impact":3,"score":9,"level":"MEDIUM","residualLikelihood":null,
                 "residualImpact":null,"residualLevel":null,"status":"OPEN","assessedAt":"2026-11-01T07:00:00Z"}
                """.formatted(tenant, UUID.randomUUID(), assessmentId));
        EventFeed.awaitEventCount(tenant, assessmentId, 1);
        summary(tenant, assessmentId).body("assessment.state", equalTo("AWAITING_START"));

        start(scenario, assessmentId);
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "4.1", "CLAUSE",
                "4", "NOT_IMPLEMENTED", null, "2026-11-01T09:00:00Z"));
        EventFeed.awaitEventCount(tenant, assessmentId, 3);

        summary(tenant, assessmentId)
                .body("assessment.state", equalTo("IN_PROGRESS"))
                .body("gapsByRiskLevel.MEDIUM", equalTo(1));
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get("/api/v1/reports/assessments/" + assessmentId + "/heat-map")
                .then().statusCode(200)
                .body("openRisks", equalTo(1))
                .body("withoutResidualRating", equalTo(1));
    }

    @Test
    void gapClosedUpdatesStatus() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        start(scenario, assessmentId);
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "4.1", "CLAUSE",
                "4", "PARTIALLY_IMPLEMENTED", 2, "2026-11-01T09:00:00Z"));
        scenario.send(assessmentId, "GapClosed", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"4.1","status":"IMPLEMENTED","maturity":3,
                 "closedAt":"2026-11-03T09:00:00Z"}
                """.formatted(tenant, assessmentId));
        scenario.send(assessmentId, "AssessmentCompleted", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","assessableCount":2,"answeredCount":1,"notApplicableCount":0,
                 "implementedCount":1,"gapCount":0,"compliancePercent":100.0,"completedAt":"2026-11-04T09:00:00Z"}
                """.formatted(tenant, assessmentId));
        EventFeed.awaitEventCount(tenant, assessmentId, 4);

        summary(tenant, assessmentId)
                .body("assessment.state", equalTo("COMPLETED"))
                .body("gapCount", equalTo(0))
                .body("countsByStatus.IMPLEMENTED", equalTo(1))
                .body("asOf.eventType", equalTo("AssessmentCompleted"));
    }

    private static String plan(String tenant, UUID actionId, UUID assessmentId, String status, String plannedAt) {
        return """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["4.1"],"title":"Action %s",
                 "phase":2,"priority":1,"riskLevel":null,"owner":"carol","dueDate":"2027-06-30","status":"%s",
                 "plannedAt":"%s"}
                """.formatted(tenant, actionId, assessmentId, status, status, plannedAt);
    }

    @Test
    void remediationServiceStatusesCount() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        start(scenario, assessmentId);
        UUID done = UUID.randomUUID();
        UUID verified = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID reopened = UUID.randomUUID();
        scenario.send(assessmentId, "RemediationPlanned", "remediation", plan(tenant, done, assessmentId, "DONE",
                "2026-11-02T09:00:00Z"));
        scenario.send(assessmentId, "RemediationPlanned", "remediation", plan(tenant, verified, assessmentId, "VERIFIED",
                "2026-11-02T09:01:00Z"));
        scenario.send(assessmentId, "RemediationPlanned", "remediation", plan(tenant, cancelled, assessmentId, "CANCELLED",
                "2026-11-02T09:02:00Z"));
        scenario.send(assessmentId, "RemediationCompleted", "remediation", """
                {"tenantId":"%s","actionId":"%s","assessmentId":"%s","requirementRefs":["4.1"],
                 "completedBy":"carol","completedAt":"2026-11-02T10:00:00Z"}
                """.formatted(tenant, reopened, assessmentId));
        scenario.send(assessmentId, "RemediationPlanned", "remediation", plan(tenant, reopened, assessmentId, "IN_PROGRESS",
                "2026-11-02T11:00:00Z"));
        EventFeed.awaitEventCount(tenant, assessmentId, 6);

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get("/api/v1/reports/assessments/" + assessmentId + "/roadmap")
                .then().statusCode(200)
                .body("actions", equalTo(3))
                .body("completed", equalTo(2))
                .body("phases[1].actions", equalTo(3))
                .body("phases[1].completed", equalTo(2))
                .body("phases[1].cancelled", equalTo(1))
                .body("phases[1].items.status", org.hamcrest.Matchers.containsInAnyOrder("DONE", "VERIFIED",
                        "IN_PROGRESS"));
    }

    @Test
    void poisonRecordsGoToDeadLetterTopic() {
        String tenant = "events-" + UUID.randomUUID();
        Scenario scenario = new Scenario(tenant);
        UUID assessmentId = UUID.randomUUID();
        start(scenario, assessmentId);

        String notJson = EventFeed.send(tenant, "AnswerRecorded", "assessment", assessmentId, "{not json");
        String invalid = EventFeed.send(tenant, "AnswerRecorded", "assessment", assessmentId,
                "{\"tenantId\":\"" + tenant + "\",\"assessmentId\":\"" + assessmentId + "\"}");
        Map<String, String> unknownType = new HashMap<>(KafkaTestClient.cloudEventHeaders(
                "io.gaplens.assessment.SomethingElse.v1", assessmentId.toString(), tenant));
        KafkaTestClient.send(EventFeed.RISK_TOPIC, assessmentId.toString(), unknownType, "{}");
        scenario.send(assessmentId, "AnswerRecorded", "assessment", answerPayload(tenant, assessmentId, "4.1", "CLAUSE",
                "4", "IMPLEMENTED", 3, "2026-11-01T09:00:00Z"));

        EventFeed.awaitEventCount(tenant, assessmentId, 2);
        summary(tenant, assessmentId).body("progress.answered", equalTo(1));

        List<String> poisonIds = List.of(notJson, invalid, unknownType.get("ce_id"));
        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.readUntil(EventFeed.DEAD_LETTER_TOPIC,
                record -> poisonIds.contains(KafkaTestClient.header(record, "ce_id")),
                records -> records.size() >= 3, Duration.ofSeconds(30));
        assertEquals(3, deadLetters.size());
        for (ConsumerRecord<String, String> record : deadLetters) {
            String reason = KafkaTestClient.header(record, "dead-letter-reason");
            assertNotNull(reason, "dead-letter-reason header of " + KafkaTestClient.header(record, "ce_id"));
            String id = KafkaTestClient.header(record, "ce_id");
            if (id.equals(notJson)) {
                assertTrue(reason.contains("is not JSON"), reason);
            } else if (id.equals(invalid)) {
                assertTrue(reason.contains("violates the AnswerRecorded schema"), reason);
            } else {
                assertTrue(reason.contains("Unknown event type"), reason);
            }
        }
    }
}
