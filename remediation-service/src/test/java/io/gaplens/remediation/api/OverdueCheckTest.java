package io.gaplens.remediation.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import io.gaplens.remediation.support.MutableClock;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class OverdueCheckTest {

    private static final String CHECK = "/api/v1/remediation-overdue-checks";

    @Inject
    MutableClock clock;

    @Inject
    EventSchemas schemas;

    @Inject
    ObjectMapper objectMapper;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overdueIsDetectedOncePerDueDate() throws Exception {
        clock.set(Instant.parse("2026-05-01T08:00:00Z"));
        String tenant = freshTenant("overdue");
        UUID assessment = UUID.randomUUID();
        String id = createAction(owner(tenant), assessment, "Encrypt laptops", "CRITICAL", "A.8.1");
        as(auditor(tenant)).get(ACTIONS + "/" + id).then().body("dueDate", equalTo("2026-05-31"));

        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", hasSize(0));
        clock.set(Instant.parse("2026-05-31T23:59:00Z"));
        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", hasSize(0));

        clock.set(Instant.parse("2026-06-01T00:01:00Z"));
        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", contains(id));
        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", hasSize(0));
        clock.advance(Duration.ofDays(3));
        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", hasSize(0));
        as(auditor(tenant)).get(ACTIONS + "/" + id).then().body("overdue", equalTo(true));

        as(owner(tenant)).header("If-Match", etag(owner(tenant), id)).contentType("application/json")
                .body(Map.of("dueDate", "2026-06-02", "dueDateReason", "New disks arrive on 2 June"))
                .patch(ACTIONS + "/" + id).then().statusCode(200);
        as(admin(tenant)).post(CHECK).then().statusCode(200).body("overdueActionIds", contains(id));

        changeStatus(owner(tenant), id, "CANCELLED", "Laptops replaced").statusCode(200);
        List<ConsumerRecord<String, String>> records = remediationEvents(assessment,
                found -> found.stream().anyMatch(record -> record.value().contains("\"status\":\"CANCELLED\"")));
        List<ConsumerRecord<String, String>> overdue = records.stream().filter(record ->
                "io.gaplens.remediation.RemediationOverdue.v1".equals(KafkaTestClient.header(record, "ce_type"))).toList();
        assertEquals(2, overdue.size());
        var first = objectMapper.readTree(overdue.get(0).value());
        assertEquals(List.of(), schemas.validate(EventType.REMEDIATION_OVERDUE, first));
        assertEquals("2026-05-31", first.get("dueDate").asText());
        assertEquals("[\"A.8.1\"]", first.get("requirementRefs").toString());
        assertEquals("2026-06-02", objectMapper.readTree(overdue.get(1).value()).get("dueDate").asText());
        assertEquals(id, KafkaTestClient.header(overdue.get(0), "ce_subject"));
    }

    @Test
    void dueDateCountsInTenantTimeZone() {
        String east = freshTenant("kiritimati");
        String utc = freshTenant("utc");
        as(admin(east)).header("If-Match", "\"0\"").contentType("application/json")
                .body(SettingsTest.settings("Pacific/Kiritimati", 30)).put("/api/v1/remediation-settings")
                .then().statusCode(200);
        UUID assessment = UUID.randomUUID();
        String eastAction = createDueOn(owner(east), assessment, "2026-07-10");
        String utcAction = createDueOn(owner(utc), assessment, "2026-07-10");

        clock.set(Instant.parse("2026-07-10T12:00:00Z"));
        as(admin(east)).post(CHECK).then().body("overdueActionIds", contains(eastAction));
        as(admin(utc)).post(CHECK).then().body("overdueActionIds", hasSize(0));
        as(auditor(utc)).get(ACTIONS + "/" + utcAction).then().body("overdue", equalTo(false));
    }

    @Test
    void finishedActionsAreNeverOverdue() {
        clock.set(Instant.parse("2026-08-01T10:00:00Z"));
        String tenant = freshTenant("finished");
        String done = createDueOn(owner(tenant), UUID.randomUUID(), "2026-07-01");
        changeStatus(owner(tenant), done, "IN_PROGRESS", null).statusCode(200);
        changeStatus(owner(tenant), done, "DONE", null).statusCode(200);

        as(admin(tenant)).post(CHECK).then().body("overdueActionIds", hasSize(0));
        as(owner(tenant)).post(CHECK).then().statusCode(403);
    }

    private static String createDueOn(String token, UUID assessment, String dueDate) {
        return as(token).contentType("application/json")
                .body(Map.of("assessmentId", assessment.toString(), "title", "Due " + dueDate, "riskLevel", "LOW",
                        "requirementRefs", List.of("A.7.1"), "dueDate", dueDate))
                .post(ACTIONS).then().statusCode(201).extract().path("id");
    }
}
