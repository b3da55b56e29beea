package io.gaplens.remediation.messaging;

import io.gaplens.remediation.support.MutableClock;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class PlanningFromRiskEventsTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyLevelGetsPhaseAndDueDate() {
        clock.set(NOON);
        String tenant = freshTenant("levels");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.8.7", "Protection against malware", "CRITICAL", 25);
        rate(tenant, assessment, "A.5.15", "Access control", "HIGH", 16);
        rate(tenant, assessment, "A.6.3", "Information security awareness, education and training", "MEDIUM", 9);
        rate(tenant, assessment, "A.7.7", "Clear desk and clear screen", "LOW", 2);
        awaitActions(tenant, assessment, 4);

        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("items.collect { it.requirementRefs[0] }", contains("A.8.7", "A.5.15", "A.6.3", "A.7.7"))
                .body("items.title", contains("Implement A.8.7 Protection against malware",
                        "Implement A.5.15 Access control",
                        "Implement A.6.3 Information security awareness, education and training",
                        "Implement A.7.7 Clear desk and clear screen"))
                .body("items.riskLevel", contains("CRITICAL", "HIGH", "MEDIUM", "LOW"))
                .body("items.phase", contains(1, 1, 2, 3))
                .body("items.priority", contains(1, 2, 3, 4))
                .body("items.dueDate", contains(TODAY.plusDays(30).toString(), TODAY.plusDays(30).toString(),
                        TODAY.plusDays(90).toString(), TODAY.plusDays(180).toString()))
                .body("items.status", contains("PLANNED", "PLANNED", "PLANNED", "PLANNED"))
                .body("items.owner", contains(nullValue(), nullValue(), nullValue(), nullValue()))
                .body("items.origin", contains("RISK", "RISK", "RISK", "RISK"));
    }

    @Test
    void monitoringRequirementsGoToPhaseThree() {
        String tenant = freshTenant("monitoring");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "9.2.1", "Internal audit: general", "MEDIUM", 9);
        rate(tenant, assessment, "10.1", "Continual improvement", "MEDIUM", 8);
        rate(tenant, assessment, "A.8.16", "Monitoring activities", "HIGH", 15);
        rate(tenant, assessment, "A.5.35", "Independent review of information security", "LOW", 3);
        rate(tenant, assessment, "10.2", "Nonconformity and corrective action", "MEDIUM", 8);
        awaitActions(tenant, assessment, 5);

        Map<String, Integer> expectedPhase = Map.of("9.2.1", 3, "10.1", 3, "A.8.16", 1, "A.5.35", 3, "10.2", 2);
        List<Map<String, Object>> items = as(auditor(tenant)).queryParam("assessmentId", assessment.toString())
                .get(ACTIONS).then().extract().path("items");
        for (Map<String, Object> item : items) {
            String ref = ((List<?>) item.get("requirementRefs")).get(0).toString();
            assertEquals(expectedPhase.get(ref), item.get("phase"), "phase of " + ref);
        }
    }

    @Test
    void newRatingReplansLevelPhaseAndDueDate() {
        clock.set(NOON);
        String tenant = freshTenant("replan");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "6.1.2", "Information security risk assessment", "LOW", 3);
        awaitFirstAction(tenant, assessment, "riskLevel", "LOW");
        String actionId = firstActionId(tenant, assessment);

        clock.set(NOON.plusSeconds(86_400 * 5));
        rate(tenant, assessment, "6.1.2", "Information security risk assessment", "HIGH", 16);
        awaitFirstAction(tenant, assessment, "riskLevel", "HIGH");

        as(auditor(tenant)).get(ACTIONS + "/" + actionId).then()
                .body("phase", equalTo(1))
                .body("priority", equalTo(2))
                .body("plannedOn", equalTo(TODAY.toString()))
                .body("dueDate", equalTo(TODAY.plusDays(30).toString()));
        as(auditor(tenant)).get(ACTIONS + "/" + actionId + "/history").then()
                .body("field", contains("status", "riskLevel", "phase", "priority", "dueDate"))
                .body("[1].oldValue", equalTo("LOW"))
                .body("[1].newValue", equalTo("HIGH"))
                .body("[1].changedBy", equalTo("remediation-service"));
        awaitActions(tenant, assessment, 1);

        List<ConsumerRecord<String, String>> events = remediationEvents(assessment,
                records -> countOfType(records, "RemediationPlanned") >= 2);
        assertEquals(2, countOfType(events, "RemediationPlanned"));
        assertTrue(events.get(1).value().contains("\"riskLevel\":\"HIGH\""), events.get(1).value());
    }

    @Test
    void dueDateSetByHandSurvivesReplanning() {
        String tenant = freshTenant("manual-due");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.5.24", "Incident management planning and preparation", "MEDIUM", 9);
        awaitFirstAction(tenant, assessment, "riskLevel", "MEDIUM");
        String actionId = firstActionId(tenant, assessment);
        as(owner(tenant)).header("If-Match", etag(owner(tenant), actionId)).contentType("application/json")
                .body(Map.of("dueDate", "2030-01-15", "dueDateReason", "Aligned with the budget year"))
                .patch(ACTIONS + "/" + actionId).then().statusCode(200);

        rate(tenant, assessment, "A.5.24", "Incident management planning and preparation", "CRITICAL", 25);
        awaitFirstAction(tenant, assessment, "riskLevel", "CRITICAL");

        as(auditor(tenant)).get(ACTIONS + "/" + actionId).then()
                .body("phase", equalTo(1))
                .body("dueDate", equalTo("2030-01-15"))
                .body("dueDateSetByHand", equalTo(true));
    }

    @Test
    void closedRiskCancelsOpenAction() {
        String tenant = freshTenant("closed-risk");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.8.8", "Management of technical vulnerabilities", "HIGH", 16);
        awaitFirstAction(tenant, assessment, "status", "PLANNED");

        closeRisk(tenant, assessment, "A.8.8", "Management of technical vulnerabilities", "HIGH");
        awaitFirstAction(tenant, assessment, "status", "CANCELLED");

        String actionId = firstActionId(tenant, assessment);
        as(auditor(tenant)).get(ACTIONS + "/" + actionId + "/history").then()
                .body("[-1].field", equalTo("status"))
                .body("[-1].oldValue", equalTo("PLANNED"))
                .body("[-1].newValue", equalTo("CANCELLED"));
    }

    @Test
    void gapClosedCancelsActionInProgress() {
        String tenant = freshTenant("gap-closed");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.5.19", "Information security in supplier relationships", "MEDIUM", 9);
        awaitFirstAction(tenant, assessment, "status", "PLANNED");
        String actionId = firstActionId(tenant, assessment);
        changeStatus(owner(tenant), actionId, "IN_PROGRESS", null).statusCode(200);

        closeGap(tenant, assessment, "A.5.19");
        awaitFirstAction(tenant, assessment, "status", "CANCELLED");

        List<ConsumerRecord<String, String>> events = remediationEvents(assessment,
                records -> records.stream().anyMatch(record -> record.value().contains("\"status\":\"CANCELLED\"")));
        assertEquals(3, countOfType(events, "RemediationPlanned"));
    }

    @Test
    void gapClosedKeepsActionWithOpenGap() {
        String tenant = freshTenant("linked-close");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.5.15", "Access control", "HIGH", 16);
        rate(tenant, assessment, "A.8.5", "Secure authentication", "MEDIUM", 9);
        awaitActions(tenant, assessment, 2);
        String accessControl = firstActionId(tenant, assessment);
        as(owner(tenant)).header("If-Match", etag(owner(tenant), accessControl)).contentType("application/json")
                .body(Map.of("requirementRefs", List.of("A.8.5")))
                .post(ACTIONS + "/" + accessControl + "/requirements").then().statusCode(200)
                .body("requirementRefs", contains("A.5.15", "A.8.5"));

        closeGap(tenant, assessment, "A.5.15");
        await().atMost(EVENT_TIMEOUT).until(() -> "MEDIUM".equals(as(auditor(tenant))
                .get(ACTIONS + "/" + accessControl).then().extract().path("riskLevel")));

        as(auditor(tenant)).get(ACTIONS + "/" + accessControl).then()
                .body("status", equalTo("PLANNED"))
                .body("phase", equalTo(2));
    }

    @Test
    void redeliveredRiskAssessedIsAppliedOnce() {
        String tenant = freshTenant("redelivery");
        UUID assessment = UUID.randomUUID();
        UUID riskId = UUID.randomUUID();
        Map<String, String> headers = riskHeaders(tenant, riskId);
        OffsetDateTime assessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        KafkaTestClient.send(RISK_TOPIC, assessment.toString(), headers, riskAssessed(tenant, riskId, assessment,
                "5.2", "Policy", "HIGH", 16, "OPEN", assessedAt));
        KafkaTestClient.send(RISK_TOPIC, assessment.toString(), headers, riskAssessed(tenant, riskId, assessment,
                "5.2", "Policy", "LOW", 2, "OPEN", assessedAt.plusSeconds(1)));
        KafkaTestClient.send(RISK_TOPIC, assessment.toString(), riskHeaders(tenant, riskId), riskAssessed(tenant,
                riskId, assessment, "5.2", "Policy", "CRITICAL", 25, "OPEN", assessedAt.plusSeconds(2)));
        awaitFirstAction(tenant, assessment, "riskLevel", "CRITICAL");

        awaitActions(tenant, assessment, 1);
        String actionId = firstActionId(tenant, assessment);
        as(auditor(tenant)).get(ACTIONS + "/" + actionId + "/history").then()
                .body("findAll { it.field == 'riskLevel' }.oldValue", contains("HIGH"))
                .body("findAll { it.field == 'riskLevel' }.newValue", contains("CRITICAL"));
    }

    @Test
    void olderRatingIsIgnored() {
        String tenant = freshTenant("stale");
        UUID assessment = UUID.randomUUID();
        UUID riskId = UUID.randomUUID();
        OffsetDateTime assessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        KafkaTestClient.send(RISK_TOPIC, assessment.toString(), riskHeaders(tenant, riskId), riskAssessed(tenant,
                riskId, assessment, "5.3", "Roles", "HIGH", 16, "OPEN", assessedAt));
        KafkaTestClient.send(RISK_TOPIC, assessment.toString(), riskHeaders(tenant, riskId), riskAssessed(tenant,
                riskId, assessment, "5.3", "Roles", "LOW", 2, "OPEN", assessedAt.minusHours(1)));
        rate(tenant, assessment, "5.1", "Leadership and commitment", "MEDIUM", 9);
        awaitActions(tenant, assessment, 2);

        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).queryParam("level", "HIGH")
                .get(ACTIONS).then().body("items.collect { it.requirementRefs[0] }", contains("5.3"));
        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).queryParam("level", "LOW")
                .get(ACTIONS).then().body("totalItems", equalTo(0));
    }

    @Test
    void poisonRecordsGoToDeadLetter() {
        String tenant = freshTenant("poison");
        UUID assessment = UUID.randomUUID();
        String notJsonKey = "poison-" + UUID.randomUUID();
        String unknownLevelKey = "poison-" + UUID.randomUUID();
        UUID riskId = UUID.randomUUID();
        KafkaTestClient.send(RISK_TOPIC, notJsonKey, riskHeaders(tenant, riskId), "{not json");
        KafkaTestClient.send(RISK_TOPIC, unknownLevelKey, riskHeaders(tenant, riskId), riskAssessed(tenant, riskId,
                assessment, "5.4", "Segregation", "EXTREME", 20, "OPEN", OffsetDateTime.now(ZoneOffset.UTC)));
        rate(tenant, assessment, "5.5", "Contact with authorities", "LOW", 2);

        awaitFirstAction(tenant, assessment, "riskLevel", "LOW");
        awaitActions(tenant, assessment, 1);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DEAD_LETTER_TOPIC,
                record -> notJsonKey.equals(record.key()) || unknownLevelKey.equals(record.key()),
                records -> records.size() >= 2, EVENT_TIMEOUT);
        assertEquals(2, dead.size());
        for (ConsumerRecord<String, String> record : dead) {
            String reason = KafkaTestClient.header(record, "dead-letter-reason");
            if (record.key().equals(notJsonKey)) {
                assertTrue(reason.contains("is not JSON"), reason);
            } else {
                assertTrue(reason.contains("unknown level 'EXTREME'"), reason);
            }
        }
    }

    @Test
    void tenantMismatchBetweenEnvelopeAndPayloadIsPoison() {
        String tenant = freshTenant("mismatch");
        UUID assessment = UUID.randomUUID();
        UUID riskId = UUID.randomUUID();
        String key = assessment.toString();
        KafkaTestClient.send(RISK_TOPIC, key, riskHeaders("someone-else", riskId), riskAssessed(tenant, riskId,
                assessment, "5.6", "Contact with special interest groups", "HIGH", 16, "OPEN",
                OffsetDateTime.now(ZoneOffset.UTC)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DEAD_LETTER_TOPIC,
                record -> key.equals(record.key()), records -> !records.isEmpty(), EVENT_TIMEOUT);
        assertEquals(1, dead.size());
        assertTrue(KafkaTestClient.header(dead.get(0), "dead-letter-reason").contains("ce_tenantid someone-else"));
        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void assessmentTopicOnlyAppliesGapClosed() {
        String tenant = freshTenant("assessment-topic");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.8.12", "Data leakage prevention", "HIGH", 16);
        awaitFirstAction(tenant, assessment, "status", "PLANNED");

        String gapIdentified = """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"A.8.11","requirementTitle":"Data masking",
                 "requirementKind":"CONTROL","group":"A.8","catalogId":"iso-iec-27001","catalogVersion":"2022",
                 "status":"NOT_IMPLEMENTED","maturity":0,"targetMaturity":3,"scopeCriticality":"HIGH",
                 "identifiedAt":"%s"}
                """.formatted(tenant, assessment, OffsetDateTime.now(ZoneOffset.UTC));
        KafkaTestClient.send(ASSESSMENT_TOPIC, assessment.toString(), KafkaTestClient.cloudEventHeaders(
                "io.gaplens.assessment.GapIdentified.v1", assessment.toString(), tenant), gapIdentified);
        String poisonKey = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(ASSESSMENT_TOPIC, poisonKey, KafkaTestClient.cloudEventHeaders(GAP_CLOSED,
                assessment.toString(), tenant), """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"A.8.12","status":"IMPLEMENTED"}
                """.formatted(tenant, assessment));
        closeGap(tenant, assessment, "A.8.12");
        awaitFirstAction(tenant, assessment, "status", "CANCELLED");

        awaitActions(tenant, assessment, 1);
        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DEAD_LETTER_TOPIC,
                record -> poisonKey.equals(record.key()), records -> !records.isEmpty(), EVENT_TIMEOUT);
        assertEquals(1, dead.size());
        String reason = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertTrue(reason.contains("violates the GapClosed schema"), reason);
    }
}
