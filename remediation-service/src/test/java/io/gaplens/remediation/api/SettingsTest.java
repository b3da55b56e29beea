package io.gaplens.remediation.api;

import io.gaplens.remediation.support.MutableClock;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class SettingsTest {

    private static final String SETTINGS = "/api/v1/remediation-settings";

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> settings(String zone, int criticalDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", zone);
        body.put("dueDays", Map.of("critical", criticalDays, "high", 45, "medium", 120, "low", 365));
        body.put("phases", Map.of("critical", 1, "high", 2, "medium", 2, "low", 3, "monitoring", 3));
        body.put("monitoringRequirements", List.of("9", "A.8.16"));
        return body;
    }

    @Test
    void defaultsApplyUntilTenantStoresItsOwn() {
        String tenant = freshTenant("defaults");
        as(auditor(tenant)).get(SETTINGS).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("timeZone", equalTo("UTC"))
                .body("dueDays.critical", equalTo(30))
                .body("dueDays.high", equalTo(30))
                .body("dueDays.medium", equalTo(90))
                .body("dueDays.low", equalTo(180))
                .body("phases.critical", equalTo(1))
                .body("phases.medium", equalTo(2))
                .body("phases.low", equalTo(3))
                .body("phases.monitoring", equalTo(3))
                .body("monitoringRequirements", contains("9", "10.1", "A.5.35", "A.5.36", "A.8.16"))
                .body("updatedBy", nullValue());
    }

    @Test
    void storedSettingsPlanNewActions() {
        clock.set(Instant.parse("2026-01-10T20:00:00Z"));
        String tenant = freshTenant("custom");
        as(admin(tenant)).header("If-Match", "\"0\"").contentType("application/json")
                .body(settings("America/New_York", 14)).put(SETTINGS).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("timeZone", equalTo("America/New_York"))
                .body("updatedBy", equalTo("admin@" + tenant));

        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.8.9", "Configuration management", "HIGH", 16);
        rate(tenant, assessment, "A.8.24", "Use of cryptography", "CRITICAL", 25);
        rate(tenant, assessment, "10.1", "Continual improvement", "MEDIUM", 9);
        awaitActions(tenant, assessment, 3);

        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("items.collect { it.requirementRefs[0] }", contains("A.8.24", "A.8.9", "10.1"))
                .body("items.phase", contains(1, 2, 2))
                .body("items.plannedOn", contains("2026-01-10", "2026-01-10", "2026-01-10"))
                .body("items.dueDate", contains("2026-01-24", "2026-02-24", "2026-05-10"));
    }

    @Test
    void updateNeedsCurrentIfMatch() {
        String tenant = freshTenant("settings-etag");
        as(admin(tenant)).contentType("application/json").body(settings("UTC", 20)).put(SETTINGS).then()
                .statusCode(428);
        as(admin(tenant)).header("If-Match", "\"0\"").contentType("application/json").body(settings("UTC", 20))
                .put(SETTINGS).then().statusCode(200);
        as(admin(tenant)).header("If-Match", "\"0\"").contentType("application/json").body(settings("UTC", 21))
                .put(SETTINGS).then().statusCode(412);
        as(admin(tenant)).header("If-Match", "\"1\"").contentType("application/json").body(settings("UTC", 22))
                .put(SETTINGS).then().statusCode(200).header("ETag", equalTo("\"2\""));
        as(auditor(tenant)).get(SETTINGS).then().body("dueDays.critical", equalTo(22));
    }

    @Test
    void invalidSettingsNameTheField() {
        String tenant = freshTenant("bad-settings");
        Map<String, Object> badZone = settings("Mars/Olympus", 30);
        Map<String, Object> badDays = settings("UTC", 0);
        Map<String, Object> badPhase = settings("UTC", 30);
        badPhase.put("phases", Map.of("critical", 4, "high", 1, "medium", 2, "low", 3, "monitoring", 3));
        Map<String, Object> missingDays = settings("UTC", 30);
        missingDays.remove("dueDays");
        Map<String, Object> blankRef = settings("UTC", 30);
        blankRef.put("monitoringRequirements", List.of(""));

        Object[][] cases = {{badZone, "timeZone"}, {badDays, "dueDays.critical"}, {badPhase, "phases.critical"},
                {missingDays, "dueDays"}, {blankRef, "monitoringRequirements[0]"}};
        for (Object[] testCase : cases) {
            as(admin(tenant)).header("If-Match", "\"0\"").contentType("application/json").body(testCase[0])
                    .put(SETTINGS).then().statusCode(400)
                    .body("errors[0].field", equalTo(testCase[1]));
        }
        as(auditor(tenant)).get(SETTINGS).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void onlyAdminChangesSettings() {
        String tenant = freshTenant("settings-roles");
        for (String role : List.of("remediation-owner", "auditor", "viewer")) {
            as(io.gaplens.testing.TestTokens.forTenant(tenant, role)).header("If-Match", "\"0\"")
                    .contentType("application/json").body(settings("UTC", 30)).put(SETTINGS).then().statusCode(403);
        }
        io.restassured.RestAssured.given().get(SETTINGS).then().statusCode(401);
    }
}
