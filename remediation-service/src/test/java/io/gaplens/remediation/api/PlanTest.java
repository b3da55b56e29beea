package io.gaplens.remediation.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class PlanTest {

    @Test
    void planGroupsByPhaseWithProgress() {
        String tenant = freshTenant("plan");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String critical = createAction(token, assessment, "Patch servers", "CRITICAL", "A.8.8");
        String high = createAction(token, assessment, "Enforce MFA", "HIGH", "A.8.5");
        String highDone = createAction(token, assessment, "Remove shared accounts", "HIGH", "A.5.16");
        String medium = createAction(token, assessment, "Risk method", "MEDIUM", "6.1.2");
        String mediumCancelled = createAction(token, assessment, "Old training plan", "MEDIUM", "A.6.3");
        String low = createAction(token, assessment, "Management review", "LOW", "9.3");
        changeStatus(token, highDone, "IN_PROGRESS", null).statusCode(200);
        changeStatus(token, highDone, "DONE", null).statusCode(200);
        changeStatus(token, high, "IN_PROGRESS", null).statusCode(200);
        changeStatus(token, mediumCancelled, "CANCELLED", "Replaced by the awareness programme").statusCode(200);

        as(auditor(tenant)).get("/api/v1/assessments/" + assessment + "/plan").then().statusCode(200)
                .body("assessmentId", equalTo(assessment.toString()))
                .body("totalItems", equalTo(6))
                .body("progress.total", equalTo(5))
                .body("progress.done", equalTo(1))
                .body("progress.percentDone", equalTo(20.0f))
                .body("phases.phase", contains(1, 2, 3))
                .body("phases.name", contains("Immediate fixes", "Process improvement", "Ongoing monitoring"))
                .body("phases[0].actions.id", contains(critical, high, highDone))
                .body("phases[0].progress.countsByStatus.PLANNED", equalTo(1))
                .body("phases[0].progress.countsByStatus.IN_PROGRESS", equalTo(1))
                .body("phases[0].progress.countsByStatus.DONE", equalTo(1))
                .body("phases[0].progress.total", equalTo(3))
                .body("phases[0].progress.percentDone", equalTo(33.3f))
                .body("phases[1].actions.id", contains(medium, mediumCancelled))
                .body("phases[1].progress.countsByStatus.CANCELLED", equalTo(1))
                .body("phases[1].progress.total", equalTo(1))
                .body("phases[1].progress.percentDone", equalTo(0.0f))
                .body("phases[2].actions.id", contains(low))
                .body("phases[2].progress.total", equalTo(1));
    }

    @Test
    void planOrdersAndPaginates() {
        String tenant = freshTenant("plan-order");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String later = createWithDueDate(token, assessment, "Later", "2031-01-01");
        String sooner = createWithDueDate(token, assessment, "Sooner", "2030-01-01");
        String critical = createAction(token, assessment, "Critical", "CRITICAL", "A.8.1");

        as(auditor(tenant)).get("/api/v1/assessments/" + assessment + "/plan").then()
                .body("phases[0].actions.id", contains(critical, sooner, later));
        as(auditor(tenant)).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/assessments/" + assessment + "/plan").then()
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("phases[0].actions.id", contains(later))
                .body("phases[0].progress.total", equalTo(3));
    }

    @Test
    void planFiltersByOwnerStatusPhaseAndLevel() {
        String tenant = freshTenant("plan-filter");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String mine = createAction(token, assessment, "Mine", "MEDIUM", "A.5.1");
        createAction(token, assessment, "Other", "HIGH", "A.5.2");
        String low = createAction(token, assessment, "Low", "LOW", "A.7.7");
        as(token).header("If-Match", etag(token, mine)).contentType("application/json")
                .body(Map.of("owner", "alice")).patch(ACTIONS + "/" + mine).then().statusCode(200);
        changeStatus(token, low, "IN_PROGRESS", null).statusCode(200);
        String plan = "/api/v1/assessments/" + assessment + "/plan";

        as(auditor(tenant)).queryParam("owner", "alice").get(plan).then()
                .body("totalItems", equalTo(1)).body("phases[1].actions.id", contains(mine))
                .body("progress.total", equalTo(1));
        as(auditor(tenant)).queryParam("status", "in_progress").get(plan).then()
                .body("totalItems", equalTo(1)).body("phases[2].actions.id", contains(low));
        as(auditor(tenant)).queryParam("phase", "1").get(plan).then()
                .body("totalItems", equalTo(1)).body("phases[1].actions", hasSize(0));
        as(auditor(tenant)).queryParam("level", "LOW").get(plan).then()
                .body("totalItems", equalTo(1)).body("phases[2].actions.id", contains(low));
        as(auditor(tenant)).queryParam("phase", "zero").get(plan).then().statusCode(400)
                .body("errors[0].field", equalTo("phase"));
    }

    @Test
    void unknownAssessmentHasNoPlan() {
        as(auditor(freshTenant("no-plan"))).get("/api/v1/assessments/" + UUID.randomUUID() + "/plan").then()
                .statusCode(404).contentType("application/problem+json");
        as(auditor(freshTenant("no-plan"))).get("/api/v1/assessments/not-a-uuid/plan").then().statusCode(404);
    }

    private static String createWithDueDate(String token, UUID assessment, String title, String dueDate) {
        return as(token).contentType("application/json")
                .body(Map.of("assessmentId", assessment.toString(), "title", title, "riskLevel", "HIGH",
                        "requirementRefs", java.util.List.of("A.5.3"), "dueDate", dueDate))
                .post(ACTIONS).then().statusCode(201).extract().path("id");
    }
}
