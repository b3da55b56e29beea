package io.gaplens.assessment.messaging;

import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.Topics;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createStarted;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class RemediationEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTER = "gaplens.assessment-service.dead-letter";

    @Test
    void remediationMarksRequirementOnceAndKeepsGapOpen() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        answerOk(tenant, id, "A.8.8", "NOT_IMPLEMENTED", 1);

        Map<String, String> headers = headers(id, tenant);
        String actionId = UUID.randomUUID().toString();
        String payload = remediationCompleted(tenant, actionId, id, "\"8.8\"");
        KafkaTestClient.send(Topics.REMEDIATION, id, headers, payload);
        KafkaTestClient.send(Topics.REMEDIATION, id, headers, payload);
        KafkaTestClient.send(Topics.REMEDIATION, id, headers(id, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), id, "\"A.5.1\""));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("remediated", equalTo(true)));

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.8.8")
                .then().body("remediated", equalTo(true))
                .body("remediationActionId", equalTo(actionId))
                .body("gap", equalTo(true))
                .body("status", equalTo("NOT_IMPLEMENTED"));
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor")).when().get(BASE + "/" + id + "/answers/A.8.8/history")
                .then().body("", hasSize(2))
                .body("[1].source", equalTo("REMEDIATION"))
                .body("[1].changedBy", equalTo("remediation-owner@" + tenant))
                .body("[1].newValue.remediated", equalTo(true));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().body("remediatedCount", equalTo(2))
                .body("overall.gapCount", equalTo(1));

        answerOk(tenant, id, "A.8.8", "IMPLEMENTED", 3);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.8.8")
                .then().body("remediated", equalTo(false))
                .body("gap", equalTo(false));
    }

    @Test
    void poisonRecordGoesToDeadLetterTopicAndNextIsApplied() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String poisonKey = "poison-" + UUID.randomUUID();

        KafkaTestClient.send(Topics.REMEDIATION, poisonKey, headers(id, tenant), "{not json");
        KafkaTestClient.send(Topics.REMEDIATION, id, headers(id, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), id, "\"A.5.1\""));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("remediated", equalTo(true)));

        List<ConsumerRecord<String, String>> dead = KafkaTestClient.readUntil(DEAD_LETTER,
                record -> poisonKey.equals(record.key()), found -> !found.isEmpty(), WAIT);
        assertEquals(1, dead.size());
        assertEquals("{not json", dead.get(0).value());
        String reason = KafkaTestClient.header(dead.get(0), "dead-letter-reason");
        assertNotNull(reason, "dead-letter-reason header");
        assertTrue(reason.contains("is not JSON"), "dead-letter-reason was " + reason);
    }

    @Test
    void eventForUnknownAssessmentIsIgnored() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String other = UUID.randomUUID().toString();
        KafkaTestClient.send(Topics.REMEDIATION, other, headers(other, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), other, "\"A.5.1\""));
        KafkaTestClient.send(Topics.REMEDIATION, id, headers(id, "another-" + tenant),
                remediationCompleted("another-" + tenant, UUID.randomUUID().toString(), id, "\"A.5.2\""));
        KafkaTestClient.send(Topics.REMEDIATION, id, headers(id, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), id, "\"A.5.3\", \"A.99.9\""));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/A.5.3")
                .then().body("remediated", equalTo(true)));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.2")
                .then().body("remediated", equalTo(false));
    }

    @Test
    void completedAssessmentIsNotMarked() {
        String tenant = freshTenant();
        String completed = createStarted(tenant, 3);
        answerOk(tenant, completed, "A.8.8", "NOT_IMPLEMENTED", 1);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + completed + "/complete")
                .then().statusCode(200);
        String open = createStarted(tenant, 3);

        // The same record key keeps both records in one partition, so the second is applied after the first.
        KafkaTestClient.send(Topics.REMEDIATION, completed, headers(completed, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), completed, "\"A.8.8\""));
        KafkaTestClient.send(Topics.REMEDIATION, completed, headers(open, tenant),
                remediationCompleted(tenant, UUID.randomUUID().toString(), open, "\"A.8.8\""));

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + open + "/answers/A.8.8")
                .then().body("remediated", equalTo(true)));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + completed + "/answers/A.8.8")
                .then().body("remediated", equalTo(false))
                .body("version", equalTo(1));
    }

    private static Map<String, String> headers(String assessmentId, String tenant) {
        return new HashMap<>(KafkaTestClient.cloudEventHeaders(EventType.REMEDIATION_COMPLETED.ceType(), assessmentId,
                tenant));
    }

    private static String remediationCompleted(String tenant, String actionId, String assessmentId, String refs) {
        return """
                {"tenantId": "%s", "actionId": "%s", "assessmentId": "%s", "requirementRefs": [%s],
                 "completedBy": "remediation-owner@%s", "completedAt": "2026-03-01T12:00:00+01:00"}
                """.formatted(tenant, actionId, assessmentId, refs, tenant);
    }
}
