package io.gaplens.reporting.api;

import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sends GapLens events as raw Kafka records with CloudEvents headers, as the other services do. */
final class EventFeed {

    static final String ASSESSMENT_TOPIC = "gaplens.assessment.events";
    static final String RISK_TOPIC = "gaplens.risk.events";
    static final String REMEDIATION_TOPIC = "gaplens.remediation.events";
    static final String DEAD_LETTER_TOPIC = "gaplens.reporting-service.dead-letter";

    private EventFeed() {
    }

    /** Sends one event and returns its CloudEvents id. */
    static String send(String tenant, String eventName, String domain, UUID assessmentId, String payload) {
        return sendWithId(UUID.randomUUID().toString(), tenant, eventName, domain, assessmentId, payload);
    }

    static String sendWithId(String eventId, String tenant, String eventName, String domain, UUID assessmentId,
                             String payload) {
        Map<String, String> headers = new HashMap<>(KafkaTestClient.cloudEventHeaders(
                "io.gaplens." + domain + "." + eventName + ".v1", assessmentId.toString(), tenant));
        headers.put("ce_id", eventId);
        String topic = switch (domain) {
            case "assessment" -> ASSESSMENT_TOPIC;
            case "risk" -> RISK_TOPIC;
            case "remediation" -> REMEDIATION_TOPIC;
            default -> throw new IllegalArgumentException("no topic for domain " + domain);
        };
        KafkaTestClient.send(topic, assessmentId.toString(), headers, payload);
        return eventId;
    }

    /** Waits until the summary of the assessment reflects {@code eventCount} events. */
    static void awaitEventCount(String tenant, UUID assessmentId, int eventCount) {
        String token = TestTokens.forTenant(tenant, "viewer");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = given().auth().oauth2(token)
                    .get("/api/v1/reports/assessments/" + assessmentId + "/summary");
            return response.statusCode() == 200 && response.jsonPath().getLong("asOf.eventCount") == eventCount;
        });
    }
}
