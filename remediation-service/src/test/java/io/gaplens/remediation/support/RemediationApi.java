package io.gaplens.remediation.support;

import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test helpers: tokens, incoming events written as JSON text, and short REST calls. */
public final class RemediationApi {

    public static final String ACTIONS = "/api/v1/remediation-actions";
    public static final String RISK_TOPIC = "gaplens.risk.events";
    public static final String ASSESSMENT_TOPIC = "gaplens.assessment.events";
    public static final String REMEDIATION_TOPIC = "gaplens.remediation.events";
    public static final String DEAD_LETTER_TOPIC = "gaplens.remediation-service.dead-letter";
    public static final String RISK_ASSESSED = "io.gaplens.risk.RiskAssessed.v1";
    public static final String GAP_CLOSED = "io.gaplens.assessment.GapClosed.v1";
    public static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private RemediationApi() {
    }

    public static String freshTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String owner(String tenant) {
        return TestTokens.forTenant(tenant, "remediation-owner");
    }

    public static String admin(String tenant) {
        return TestTokens.forTenant(tenant, "admin");
    }

    public static String auditor(String tenant) {
        return TestTokens.forTenant(tenant, "auditor");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** Returns a RiskAssessed payload as the risk service writes it. */
    public static String riskAssessed(String tenant, UUID riskId, UUID assessmentId, String ref, String title,
                                      String level, int score, String status, OffsetDateTime assessedAt) {
        return """
                {"tenantId":"%s","riskId":"%s","assessmentId":"%s","requirementRef":"%s","requirementTitle":"%s",
                 "group":"Technological","likelihood":%d,"impact":%d,"score":%d,"level":"%s",
                 "residualLikelihood":null,"residualImpact":null,"residualLevel":null,
                 "status":"%s","assessedAt":"%s"}
                """.formatted(tenant, riskId, assessmentId, ref, title, Math.max(1, score / 5), Math.min(5, Math.max(1, score)),
                score, level, status, assessedAt);
    }

    public static Map<String, String> riskHeaders(String tenant, UUID riskId) {
        return KafkaTestClient.cloudEventHeaders(RISK_ASSESSED, riskId.toString(), tenant);
    }

    /** Sends an open RiskAssessed with a fresh event id and returns the risk id. */
    public static UUID rate(String tenant, UUID assessmentId, String ref, String title, String level, int score) {
        UUID riskId = UUID.nameUUIDFromBytes((assessmentId + ref).getBytes());
        KafkaTestClient.send(RISK_TOPIC, assessmentId.toString(), riskHeaders(tenant, riskId),
                riskAssessed(tenant, riskId, assessmentId, ref, title, level, score, "OPEN", OffsetDateTime.now(ZoneOffset.UTC)));
        return riskId;
    }

    public static void closeRisk(String tenant, UUID assessmentId, String ref, String title, String level) {
        UUID riskId = UUID.nameUUIDFromBytes((assessmentId + ref).getBytes());
        KafkaTestClient.send(RISK_TOPIC, assessmentId.toString(), riskHeaders(tenant, riskId),
                riskAssessed(tenant, riskId, assessmentId, ref, title, level, 4, "CLOSED", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public static void closeGap(String tenant, UUID assessmentId, String ref) {
        String payload = """
                {"tenantId":"%s","assessmentId":"%s","requirementRef":"%s","status":"IMPLEMENTED","maturity":4,
                 "closedAt":"%s"}
                """.formatted(tenant, assessmentId, ref, OffsetDateTime.now(ZoneOffset.UTC));
        KafkaTestClient.send(ASSESSMENT_TOPIC, assessmentId.toString(),
                KafkaTestClient.cloudEventHeaders(GAP_CLOSED, assessmentId.toString(), tenant), payload);
    }

    /** Waits until the assessment has {@code count} actions and returns the list response. */
    public static ValidatableResponse awaitActions(String tenant, UUID assessmentId, int count) {
        await().atMost(EVENT_TIMEOUT).until(() -> as(auditor(tenant)).queryParam("assessmentId", assessmentId.toString())
                .get(ACTIONS).then().extract().path("totalItems").equals(count));
        return as(auditor(tenant)).queryParam("assessmentId", assessmentId.toString()).get(ACTIONS).then().statusCode(200);
    }

    /** Waits until the only action of the assessment matches {@code path} = {@code value}. */
    public static void awaitFirstAction(String tenant, UUID assessmentId, String path, Object value) {
        await().atMost(EVENT_TIMEOUT).until(() -> value.equals(as(auditor(tenant))
                .queryParam("assessmentId", assessmentId.toString()).get(ACTIONS).then().extract().path("items[0]." + path)));
    }

    public static String firstActionId(String tenant, UUID assessmentId) {
        return as(auditor(tenant)).queryParam("assessmentId", assessmentId.toString()).get(ACTIONS)
                .then().statusCode(200).extract().path("items[0].id");
    }

    public static String etag(String token, String actionId) {
        return as(token).get(ACTIONS + "/" + actionId).then().statusCode(200).extract().header("ETag");
    }

    /** Creates a user action and returns its id. */
    public static String createAction(String token, UUID assessmentId, String title, String level, String... refs) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessmentId", assessmentId.toString());
        body.put("title", title);
        body.put("riskLevel", level);
        body.put("requirementRefs", List.of(refs));
        return as(token).contentType("application/json").body(body).post(ACTIONS)
                .then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse changeStatus(String token, String actionId, String status, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(token).header("If-Match", etag(token, actionId)).contentType("application/json").body(body)
                .post(ACTIONS + "/" + actionId + "/status").then();
    }

    /** Reads the remediation topic until {@code done} holds for the records of the assessment. */
    public static List<ConsumerRecord<String, String>> remediationEvents(UUID assessmentId,
                                                                         java.util.function.Predicate<List<ConsumerRecord<String, String>>> done) {
        return KafkaTestClient.readUntil(REMEDIATION_TOPIC, record -> assessmentId.toString().equals(record.key()), done,
                EVENT_TIMEOUT);
    }

    public static long countOfType(List<ConsumerRecord<String, String>> records, String eventName) {
        return records.stream().filter(record -> ("io.gaplens.remediation." + eventName + ".v1")
                .equals(KafkaTestClient.header(record, "ce_type"))).count();
    }
}
