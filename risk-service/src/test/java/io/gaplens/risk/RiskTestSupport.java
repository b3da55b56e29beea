package io.gaplens.risk;

import io.gaplens.testing.KafkaTestClient;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sends assessment events as the assessment service would, and reads what the risk service stores and publishes. */
public final class RiskTestSupport {

    public static final String ASSESSMENT_TOPIC = "gaplens.assessment.events";
    public static final String RISK_TOPIC = "gaplens.risk.events";
    public static final String DEAD_LETTER_TOPIC = "gaplens.risk-service.dead-letter";
    public static final String GAP_IDENTIFIED = "io.gaplens.assessment.GapIdentified.v1";
    public static final String GAP_CLOSED = "io.gaplens.assessment.GapClosed.v1";
    public static final String ASSESSMENT_STARTED = "io.gaplens.assessment.AssessmentStarted.v1";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private RiskTestSupport() {
    }

    /** Returns a tenant name used by no other test. */
    public static String freshTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Returns a GapIdentified payload as JSON text; {@code maturity} may be null. */
    public static String gapIdentified(String tenant, UUID assessmentId, String ref, String status, Integer maturity,
                                       int targetMaturity, String scopeCriticality, String... properties) {
        String propertyList = List.of(properties).stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        return """
                {"tenantId": "%s", "assessmentId": "%s", "requirementRef": "%s",
                 "requirementTitle": "Title of %s", "requirementKind": "CONTROL", "group": "%s",
                 "catalogId": "iso-iec-27001", "catalogVersion": "2022", "status": "%s", "maturity": %s,
                 "targetMaturity": %d, "scopeCriticality": "%s", "securityProperties": [%s],
                 "identifiedAt": "2026-11-02T10:15:30Z"}
                """.formatted(tenant, assessmentId, ref, ref, groupOf(ref), status,
                maturity == null ? "null" : maturity.toString(), targetMaturity, scopeCriticality, propertyList);
    }

    public static String gapClosed(String tenant, UUID assessmentId, String ref) {
        return """
                {"tenantId": "%s", "assessmentId": "%s", "requirementRef": "%s", "status": "IMPLEMENTED",
                 "maturity": 4, "closedAt": "2026-11-20T08:00:00Z"}
                """.formatted(tenant, assessmentId, ref);
    }

    public static String assessmentStarted(String tenant, UUID assessmentId, String scopeCriticality) {
        return """
                {"tenantId": "%s", "assessmentId": "%s", "name": "Yearly review", "catalogId": "iso-iec-27001",
                 "catalogVersion": "2022", "targetMaturity": 3, "baselineAssessmentId": null, "assessableCount": 1,
                 "scopeCriticality": "%s",
                 "requirements": [{"ref": "A.5.15", "title": "Access control", "kind": "CONTROL", "group": "A.5",
                                   "excludable": true}],
                 "startedAt": "2026-11-01T09:00:00Z"}
                """.formatted(tenant, assessmentId, scopeCriticality);
    }

    /** Sends an assessment event with fresh CloudEvents headers and returns its ce_id. */
    public static String send(String ceType, String tenant, UUID assessmentId, String payload) {
        Map<String, String> headers = KafkaTestClient.cloudEventHeaders(ceType, assessmentId.toString(), tenant);
        KafkaTestClient.send(ASSESSMENT_TOPIC, assessmentId.toString(), headers, payload);
        return headers.get("ce_id");
    }

    /** Sends an assessment event with a given ce_id, as a redelivery would. */
    public static void sendWithId(String ceId, String ceType, String tenant, UUID assessmentId, String payload) {
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(ceType, assessmentId.toString(), tenant));
        headers.put("ce_id", ceId);
        KafkaTestClient.send(ASSESSMENT_TOPIC, assessmentId.toString(), headers, payload);
    }

    /** Waits until the register contains the risk of a gap and returns it. */
    public static JsonPath awaitRisk(String token, UUID assessmentId, String ref) {
        JsonPath page = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token)
                                .queryParam("assessmentId", assessmentId.toString()).queryParam("requirementRef", ref)
                                .when().get("/api/v1/risks")
                                .then().statusCode(200).extract().jsonPath(),
                        found -> found.getInt("totalItems") == 1);
        String riskId = page.getString("items[0].id");
        if (riskId == null) {
            throw new AssertionError("The register lists the risk of " + ref + " without an id: " + page.prettify());
        }
        return readRisk(token, riskId);
    }

    public static JsonPath readRisk(String token, String riskId) {
        return given().auth().oauth2(token).when().get("/api/v1/risks/" + riskId)
                .then().statusCode(200).extract().jsonPath();
    }

    public static String etagOfRisk(String token, String riskId) {
        return given().auth().oauth2(token).when().get("/api/v1/risks/" + riskId)
                .then().statusCode(200).extract().header("ETag");
    }

    /** Waits until {@code count} RiskAssessed events of the risk are on the topic and returns them in order. */
    public static List<ConsumerRecord<String, String>> awaitRiskEvents(String riskId, int count) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(RISK_TOPIC,
                record -> riskId.equals(KafkaTestClient.header(record, "ce_subject")),
                matching -> matching.size() >= count, WAIT);
        if (records.size() < count) {
            throw new AssertionError("Expected " + count + " RiskAssessed events of risk " + riskId + ", found "
                    + records.size() + " within " + WAIT);
        }
        return records;
    }

    public static JsonPath json(ConsumerRecord<String, String> record) {
        return new JsonPath(record.value());
    }

    private static String groupOf(String ref) {
        String[] parts = ref.split("\\.");
        return ref.startsWith("A.") ? "A." + parts[1] : parts[0];
    }
}
