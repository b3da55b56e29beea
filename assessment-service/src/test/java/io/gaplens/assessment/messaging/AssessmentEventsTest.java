package io.gaplens.assessment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.Topics;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.answerTag;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createDraft;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.gaplens.assessment.AssessmentApi.start;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class AssessmentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventSchemas schemas;

    /**
     * Records a sequence of answers and completes the assessment; the AssessmentCompleted event marks
     * the end, so the records before it are exactly what the service sent for the assessment.
     */
    @Test
    void eventsFollowTheAnswersExactlyOnce() throws Exception {
        String tenant = freshTenant();
        String id = createDraft(tenant, 3, """
                {"assets": [{"name": "Payment gateway", "criticality": "VERY_HIGH"},
                            {"name": "Wiki", "criticality": "LOW"}]}
                """);
        start(tenant, id);
        answerOk(tenant, id, "A.8.8", "PARTIALLY_IMPLEMENTED", 2);
        String tag = answerTag(tenant, id, "A.8.8");
        answerOk(tenant, id, "A.8.8", "PARTIALLY_IMPLEMENTED", 2);
        assertEquals(tag, answerTag(tenant, id, "A.8.8"), "repeating an answer keeps its version");
        answerOk(tenant, id, "A.8.8", "NOT_IMPLEMENTED", 1);
        answerOk(tenant, id, "A.8.8", "IMPLEMENTED", 4);
        answerOk(tenant, id, "A.5.1", "IMPLEMENTED", null);
        answerOk(tenant, id, "A.5.2", "IMPLEMENTED", 2);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/complete")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.ASSESSMENT,
                record -> id.equals(record.key()),
                found -> found.stream().anyMatch(record -> type(record).equals(EventType.ASSESSMENT_COMPLETED.ceType())),
                WAIT);

        List<String> types = records.stream().map(AssessmentEventsTest::type).toList();
        assertEquals(List.of(
                EventType.ASSESSMENT_STARTED.ceType(),
                EventType.ANSWER_RECORDED.ceType(), EventType.GAP_IDENTIFIED.ceType(),
                EventType.ANSWER_RECORDED.ceType(), EventType.GAP_IDENTIFIED.ceType(),
                EventType.ANSWER_RECORDED.ceType(), EventType.GAP_CLOSED.ceType(),
                EventType.ANSWER_RECORDED.ceType(),
                EventType.ANSWER_RECORDED.ceType(), EventType.GAP_IDENTIFIED.ceType(),
                EventType.ASSESSMENT_COMPLETED.ceType()), types);

        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            assertTrue(ids.add(KafkaTestClient.header(record, "ce_id")), "each event is published once");
            assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
            assertEquals("/gaplens/assessment-service", KafkaTestClient.header(record, "ce_source"));
            assertEquals(id, KafkaTestClient.header(record, "ce_subject"));
            assertEquals(tenant, KafkaTestClient.header(record, "ce_tenantid"));
            assertNotNull(KafkaTestClient.header(record, "ce_time"));
            EventType type = EventType.fromCeType(type(record)).orElseThrow();
            assertEquals(List.of(), schemas.validate(type, JSON.readTree(record.value())), type + " matches its schema");
        }

        JsonNode started = JSON.readTree(records.get(0).value());
        assertEquals("VERY_HIGH", started.get("scopeCriticality").asText());
        assertEquals(123, started.get("assessableCount").asInt());
        assertEquals(123, started.get("requirements").size());
        assertEquals("iso-iec-27001", started.get("catalogId").asText());
        assertEquals("2022", started.get("catalogVersion").asText());

        JsonNode firstGap = JSON.readTree(records.get(2).value());
        assertEquals(tenant, firstGap.get("tenantId").asText());
        assertEquals(id, firstGap.get("assessmentId").asText());
        assertEquals("A.8.8", firstGap.get("requirementRef").asText());
        assertEquals("Management of technical vulnerabilities", firstGap.get("requirementTitle").asText());
        assertEquals("CONTROL", firstGap.get("requirementKind").asText());
        assertEquals("A.8", firstGap.get("group").asText());
        assertEquals("iso-iec-27001", firstGap.get("catalogId").asText());
        assertEquals("2022", firstGap.get("catalogVersion").asText());
        assertEquals("PARTIALLY_IMPLEMENTED", firstGap.get("status").asText());
        assertEquals(2, firstGap.get("maturity").asInt());
        assertEquals(3, firstGap.get("targetMaturity").asInt());
        assertEquals("VERY_HIGH", firstGap.get("scopeCriticality").asText());
        assertTrue(firstGap.get("securityProperties").isArray());
        assertNotNull(firstGap.get("identifiedAt"));

        JsonNode secondGap = JSON.readTree(records.get(4).value());
        assertEquals("NOT_IMPLEMENTED", secondGap.get("status").asText());
        assertEquals(1, secondGap.get("maturity").asInt());

        JsonNode closed = JSON.readTree(records.get(6).value());
        assertEquals("A.8.8", closed.get("requirementRef").asText());
        assertEquals("IMPLEMENTED", closed.get("status").asText());
        assertEquals(4, closed.get("maturity").asInt());

        JsonNode noMaturity = JSON.readTree(records.get(7).value());
        assertEquals("A.5.1", noMaturity.get("requirementRef").asText());
        assertEquals(false, noMaturity.get("gap").asBoolean());

        JsonNode belowTarget = JSON.readTree(records.get(9).value());
        assertEquals("A.5.2", belowTarget.get("requirementRef").asText());
        assertEquals("IMPLEMENTED", belowTarget.get("status").asText());

        JsonNode completed = JSON.readTree(records.get(10).value());
        assertEquals(123, completed.get("assessableCount").asInt());
        assertEquals(3, completed.get("answeredCount").asInt());
        assertEquals(0, completed.get("notApplicableCount").asInt());
        assertEquals(3, completed.get("implementedCount").asInt());
        assertEquals(1, completed.get("gapCount").asInt());
        assertEquals("66.67", completed.get("compliancePercent").decimalValue().toPlainString());
    }

    @Test
    void carriedOverAnswersAreAnnouncedWhenReassessmentStarts() {
        String tenant = freshTenant();
        String baseline = createDraft(tenant, 3, null);
        start(tenant, baseline);
        answerOk(tenant, baseline, "A.8.8", "PARTIALLY_IMPLEMENTED", 2);
        answerOk(tenant, baseline, "A.5.1", "IMPLEMENTED", 3);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + baseline + "/complete")
                .then().statusCode(200);
        String next = given().auth().oauth2(assessor(tenant)).contentType("application/json").body("{}")
                .when().post(BASE + "/" + baseline + "/reassessments")
                .then().statusCode(201).extract().path("id");
        start(tenant, next);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + next + "/complete")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.ASSESSMENT,
                record -> next.equals(record.key()),
                found -> found.stream().anyMatch(record -> type(record).equals(EventType.ASSESSMENT_COMPLETED.ceType())),
                WAIT);
        List<String> types = records.stream().map(AssessmentEventsTest::type).toList();
        assertEquals(List.of(
                EventType.ASSESSMENT_STARTED.ceType(),
                EventType.ANSWER_RECORDED.ceType(),
                EventType.ANSWER_RECORDED.ceType(), EventType.GAP_IDENTIFIED.ceType(),
                EventType.ASSESSMENT_COMPLETED.ceType()), types);
        assertTrue(records.get(0).value().contains("\"baselineAssessmentId\":\"" + baseline + "\""));
        assertTrue(records.get(1).value().contains("\"carriedOver\":true"));
    }

    private static String type(ConsumerRecord<String, String> record) {
        String type = KafkaTestClient.header(record, "ce_type");
        return type == null ? "" : type;
    }
}
