package io.gaplens.remediation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class StatusWorkflowTest {

    private static final List<String> STATUSES = List.of("PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "VERIFIED",
            "CANCELLED");

    /** The allowed transitions, and the path of allowed transitions that reaches each status from PLANNED. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "PLANNED", List.of("IN_PROGRESS", "CANCELLED"),
            "IN_PROGRESS", List.of("BLOCKED", "DONE", "CANCELLED"),
            "BLOCKED", List.of("IN_PROGRESS", "CANCELLED"),
            "DONE", List.of("VERIFIED", "IN_PROGRESS"),
            "VERIFIED", List.of(),
            "CANCELLED", List.of());
    private static final Map<String, List<String>> PATH_TO = Map.of(
            "PLANNED", List.of(),
            "IN_PROGRESS", List.of("IN_PROGRESS"),
            "BLOCKED", List.of("IN_PROGRESS", "BLOCKED"),
            "DONE", List.of("IN_PROGRESS", "DONE"),
            "VERIFIED", List.of("IN_PROGRESS", "DONE", "VERIFIED"),
            "CANCELLED", List.of("CANCELLED"));

    @Inject
    EventSchemas schemas;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void everyTransitionIsAllowedOrRejected() {
        String tenant = freshTenant("workflow");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        for (String from : STATUSES) {
            for (String to : STATUSES) {
                String actionId = createAction(token, assessment, from + " to " + to, "MEDIUM", "7.2");
                for (String step : PATH_TO.get(from)) {
                    changeStatus(token, actionId, step, "reason for " + step).statusCode(200);
                }
                if (ALLOWED.get(from).contains(to)) {
                    changeStatus(token, actionId, to, "reason for " + to).statusCode(200)
                            .body("status", equalTo(to));
                } else {
                    changeStatus(token, actionId, to, "reason for " + to).statusCode(409)
                            .contentType("application/problem+json")
                            .body("type", equalTo("https://gaplens.io/problems/conflict"))
                            .body("detail", containsString("cannot go from " + from + " to " + to))
                            .body("errors[0].field", equalTo("status"));
                    as(token).get(ACTIONS + "/" + actionId).then().body("status", equalTo(from));
                }
            }
        }
    }

    @Test
    void blockingNeedsReasonAndUnblockingClearsIt() {
        String tenant = freshTenant("blocked");
        String token = owner(tenant);
        String actionId = createAction(token, UUID.randomUUID(), "Deploy EDR", "HIGH", "A.8.7");
        changeStatus(token, actionId, "IN_PROGRESS", null).statusCode(200);

        changeStatus(token, actionId, "BLOCKED", null).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        changeStatus(token, actionId, "BLOCKED", "  ").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        changeStatus(token, actionId, "BLOCKED", "Waiting for the licence purchase").statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("blockedReason", equalTo("Waiting for the licence purchase"));
        changeStatus(token, actionId, "IN_PROGRESS", null).statusCode(200)
                .body("blockedReason", nullValue());
        changeStatus(token, actionId, "CANCELLED", null).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void reopeningDoneActionNeedsReason() {
        String tenant = freshTenant("reopen");
        String token = owner(tenant);
        String actionId = createAction(token, UUID.randomUUID(), "Write access policy", "HIGH", "A.5.15");
        changeStatus(token, actionId, "IN_PROGRESS", null).statusCode(200);
        changeStatus(token, actionId, "DONE", null).statusCode(200);

        changeStatus(token, actionId, "IN_PROGRESS", null).statusCode(400).body("errors[0].field", equalTo("reason"));
        changeStatus(token, actionId, "IN_PROGRESS", "Verification found unreviewed accounts").statusCode(200)
                .body("completedAt", nullValue())
                .body("completedBy", nullValue());
    }

    @Test
    void statusChangeNeedsCurrentIfMatch() {
        String tenant = freshTenant("if-match");
        String token = owner(tenant);
        String actionId = createAction(token, UUID.randomUUID(), "Train staff", "MEDIUM", "A.6.3");
        String etag = etag(token, actionId);

        as(token).contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(428)
                .body("errors[0].field", equalTo("If-Match"));
        as(token).header("If-Match", etag).contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(200);
        as(token).header("If-Match", etag).contentType("application/json").body(Map.of("status", "DONE"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(412)
                .body("errors[0].message", equalTo("stale"));
        as(token).get(ACTIONS + "/" + actionId).then().body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void invalidStatusBodiesNameTheField() {
        String tenant = freshTenant("bad-status");
        String token = owner(tenant);
        String actionId = createAction(token, UUID.randomUUID(), "Train staff", "MEDIUM", "A.6.3");
        String etag = etag(token, actionId);

        as(token).header("If-Match", etag).contentType("application/json").body(Map.of("status", "FINISHED"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(token).header("If-Match", etag).contentType("application/json").body(Map.of("reason", "x"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(token).header("If-Match", etag).contentType("application/json")
                .body(Map.of("status", "IN_PROGRESS", "at", "yesterday"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        as(token).header("If-Match", etag).contentType("application/json")
                .body(Map.of("status", "IN_PROGRESS", "at", "2999-01-01T00:00:00+02:00"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(400)
                .body("errors[0].field", equalTo("at"));
        as(token).get(ACTIONS + "/" + actionId).then().body("status", equalTo("PLANNED"));
    }

    @Test
    void doneSendsRemediationCompletedOnce() throws Exception {
        String tenant = freshTenant("completed");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String actionId = createAction(token, assessment, "Harden endpoints", "CRITICAL", "A.8.7", "A.8.1");
        changeStatus(token, actionId, "IN_PROGRESS", null).statusCode(200);
        as(token).header("If-Match", etag(token, actionId)).contentType("application/json")
                .body(Map.of("status", "DONE", "at", "2026-02-01T09:30:00+05:30"))
                .post(ACTIONS + "/" + actionId + "/status").then().statusCode(200)
                .body("completedAt", equalTo("2026-02-01T04:00:00Z"))
                .body("completedBy", equalTo("remediation-owner@" + tenant));
        changeStatus(token, actionId, "VERIFIED", null).statusCode(200);

        List<ConsumerRecord<String, String>> records = remediationEvents(assessment,
                found -> found.stream().anyMatch(record -> record.value().contains("\"status\":\"VERIFIED\"")));
        assertEquals(1, countOfType(records, "RemediationCompleted"));
        ConsumerRecord<String, String> completed = records.stream()
                .filter(record -> "io.gaplens.remediation.RemediationCompleted.v1".equals(KafkaTestClient.header(record, "ce_type")))
                .findFirst().orElseThrow();
        assertEquals(assessment.toString(), completed.key());
        assertEquals("1.0", KafkaTestClient.header(completed, "ce_specversion"));
        assertEquals("/gaplens/remediation-service", KafkaTestClient.header(completed, "ce_source"));
        assertEquals(actionId, KafkaTestClient.header(completed, "ce_subject"));
        assertEquals(tenant, KafkaTestClient.header(completed, "ce_tenantid"));
        assertEquals("application/json", KafkaTestClient.header(completed, "content-type"));
        assertNotNull(KafkaTestClient.header(completed, "ce_id"));
        assertNotNull(KafkaTestClient.header(completed, "ce_time"));

        JsonNode payload = objectMapper.readTree(completed.value());
        assertEquals(List.of(), schemas.validate(EventType.REMEDIATION_COMPLETED, payload));
        assertEquals(actionId, payload.get("actionId").asText());
        assertEquals(assessment.toString(), payload.get("assessmentId").asText());
        assertEquals("[\"A.8.1\",\"A.8.7\"]", payload.get("requirementRefs").toString());
        assertEquals("remediation-owner@" + tenant, payload.get("completedBy").asText());
        assertTrue(payload.get("completedAt").asText().startsWith("2026-02-01T04:00"), payload.toString());
    }
}
