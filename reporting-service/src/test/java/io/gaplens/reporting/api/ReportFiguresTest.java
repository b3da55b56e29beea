package io.gaplens.reporting.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class ReportFiguresTest {

    private static final String TENANT = "figures-" + UUID.randomUUID();
    private static final String VIEWER = TestTokens.forTenant(TENANT, "viewer");
    private static Scenario scenario;

    /** Feeds the scenario once, before the first test, because Quarkus sets the RestAssured port per test. */
    @BeforeEach
    void feedScenarioOnce() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        if (scenario == null) {
            scenario = Scenario.fed(TENANT);
        }
    }

    private String base() {
        return "/api/v1/reports/assessments/" + scenario.assessmentId;
    }

    private static BigDecimal percent(String value) {
        return new BigDecimal(value);
    }

    @Test
    void summaryHasHandComputedFigures() {
        given().auth().oauth2(VIEWER)
                .when().get(base() + "/summary")
                .then().statusCode(200)
                .body("assessment.name", equalTo("ISMS baseline 2026"))
                .body("assessment.state", equalTo("IN_PROGRESS"))
                .body("assessment.targetMaturity", equalTo(3))
                .body("overall.requirements", equalTo(8))
                .body("overall.notApplicable", equalTo(1))
                .body("overall.notAssessed", equalTo(1))
                .body("overall.assessed", equalTo(6))
                .body("overall.compliant", equalTo(3))
                .body("overall.gaps", equalTo(3))
                .body("overall.percent", equalTo(percent("50.0")))
                .body("clauses.group", contains("4", "5"))
                .body("clauses[0].title", equalTo("Context of the organization"))
                .body("clauses[0].compliance.percent", equalTo(percent("50.0")))
                .body("clauses[1].compliance.assessed", equalTo(1))
                .body("clauses[1].compliance.percent", equalTo(percent("0.0")))
                .body("themes.group", contains("A.5", "A.6", "A.7", "A.8"))
                .body("themes[0].compliance.percent", equalTo(percent("50.0")))
                .body("themes[1].compliance.notApplicable", equalTo(1))
                .body("themes[1].compliance.percent", nullValue())
                .body("themes[2].compliance.notAssessed", equalTo(1))
                .body("themes[2].compliance.percent", nullValue())
                .body("themes[3].compliance.percent", equalTo(percent("100.0")))
                .body("countsByStatus.IMPLEMENTED", equalTo(4))
                .body("countsByStatus.PARTIALLY_IMPLEMENTED", equalTo(1))
                .body("countsByStatus.NOT_IMPLEMENTED", equalTo(1))
                .body("countsByStatus.NOT_APPLICABLE", equalTo(1))
                .body("countsByStatus.NOT_ASSESSED", equalTo(1))
                .body("progress.answered", equalTo(7))
                .body("progress.assessable", equalTo(8))
                .body("progress.percent", equalTo(percent("87.5")))
                .body("gapCount", equalTo(3))
                .body("gapsByRiskLevel", equalTo(Map.of("HIGH", 1, "MEDIUM", 1, "UNRATED", 1)))
                .body("gapsByRiskLevel.keySet()", contains("HIGH", "MEDIUM", "UNRATED"))
                .body("asOf.eventCount", equalTo(Scenario.EVENT_COUNT))
                .body("asOf.eventType", equalTo("RemediationOverdue"));
    }

    @Test
    void summaryNamesTimeOfLatestEvent() {
        String occurredAt = given().auth().oauth2(VIEWER)
                .when().get(base() + "/summary")
                .then().statusCode(200)
                .extract().path("asOf.occurredAt");

        assertEquals(OffsetDateTime.parse("2027-01-01T00:05:00Z").toInstant(), OffsetDateTime.parse(occurredAt).toInstant());
    }

    @Test
    void gapListJoinsRiskAndRemediation() {
        given().auth().oauth2(VIEWER)
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.requirementRef", contains("4.2", "5.2", "A.5.15"))
                .body("items[0].status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("items[0].maturity", equalTo(2))
                .body("items[0].targetMaturity", equalTo(3))
                .body("items[0].riskLevel", equalTo("MEDIUM"))
                .body("items[0].riskScore", equalTo(6))
                .body("items[0].remediationAction", equalTo("+Write the ISMS policy and stakeholder register"))
                .body("items[0].phase", equalTo(2))
                .body("items[0].owner", equalTo("bob"))
                .body("items[0].dueDate", equalTo("2027-03-31"))
                .body("items[0].actionStatus", equalTo("COMPLETED"))
                .body("items[0].overdue", equalTo(false))
                .body("items[1].status", equalTo("IMPLEMENTED"))
                .body("items[1].maturity", equalTo(2))
                .body("items[1].riskLevel", equalTo("UNRATED"))
                .body("items[1].riskScore", nullValue())
                .body("items[2].maturity", nullValue())
                .body("items[2].riskLevel", equalTo("HIGH"))
                .body("items[2].riskScore", equalTo(16))
                .body("items[2].remediationAction", equalTo("Introduce role-based access control"))
                .body("items[2].owner", equalTo("alice"))
                .body("items[2].dueDate", equalTo("2026-12-31"))
                .body("items[2].actionStatus", equalTo("PLANNED"))
                .body("items[2].overdue", equalTo(true))
                .body("asOf.eventCount", equalTo(Scenario.EVENT_COUNT));
    }

    @Test
    void gapListFiltersCombine() {
        given().auth().oauth2(VIEWER).queryParam("group", "A.5")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items.requirementRef", contains("A.5.15"));

        given().auth().oauth2(VIEWER).queryParam("level", "high")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items.requirementRef", contains("A.5.15"));

        given().auth().oauth2(VIEWER).queryParam("level", "UNRATED")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items.requirementRef", contains("5.2"));

        given().auth().oauth2(VIEWER).queryParam("status", "implemented")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items.requirementRef", contains("5.2"));

        given().auth().oauth2(VIEWER).queryParam("group", "4").queryParam("level", "HIGH")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("totalItems", equalTo(0))
                .body("items", hasSize(0));
    }

    @Test
    void gapListPaginates() {
        given().auth().oauth2(VIEWER).queryParam("size", "2").queryParam("page", "1")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items.requirementRef", contains("A.5.15"))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));

        given().auth().oauth2(VIEWER).queryParam("size", "2").queryParam("page", "5")
                .when().get(base() + "/gaps")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(3));
    }

    @Test
    void badGapFiltersAreRejected() {
        given().auth().oauth2(VIEWER).queryParam("status", "DONE")
                .when().get(base() + "/gaps")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));

        given().auth().oauth2(VIEWER).queryParam("status", "NOT_APPLICABLE")
                .when().get(base() + "/gaps")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        given().auth().oauth2(VIEWER).queryParam("size", "0")
                .when().get(base() + "/gaps")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("size"));

        given().auth().oauth2(VIEWER).queryParam("page", "first")
                .when().get(base() + "/gaps")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("page"));

        given().auth().oauth2(VIEWER).queryParam("level", "x".repeat(51))
                .when().get(base() + "/gaps")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }

    @Test
    void malformedAssessmentIdIsRejected() {
        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments/not-a-uuid/summary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("assessmentId"));
    }

    @Test
    void unknownAssessmentIsNotFound() {
        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments/" + UUID.randomUUID() + "/summary")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void statementOfApplicabilityListsEveryControl() {
        given().auth().oauth2(VIEWER)
                .when().get(base() + "/statement-of-applicability")
                .then().statusCode(200)
                .body("counts.controls", equalTo(5))
                .body("counts.applicable", equalTo(3))
                .body("counts.notApplicable", equalTo(1))
                .body("counts.undecided", equalTo(1))
                .body("counts.implemented", equalTo(2))
                .body("controls.controlRef", contains("A.5.1", "A.5.15", "A.6.3", "A.7.4", "A.8.5"))
                .body("controls.applicability", contains("APPLICABLE", "APPLICABLE", "NOT_APPLICABLE", "UNDECIDED",
                        "APPLICABLE"))
                .body("controls[0].inclusionReasons", contains("RISK_ASSESSMENT", "LEGAL"))
                .body("controls[0].justification", equalTo("-Approved by the board"))
                .body("controls[0].evidence", hasSize(2))
                .body("controls[0].evidence[0].reference", equalTo("DOC-001"))
                .body("controls[0].evidence[0].collectedOn", equalTo("2026-10-30"))
                .body("controls[0].evidence[1].title", equalTo("Board minutes"))
                .body("controls[2].justification", equalTo("No staff of our own; the contractor trains its people"))
                .body("controls[2].status", equalTo("NOT_APPLICABLE"))
                .body("controls[3].status", equalTo("NOT_ASSESSED"))
                .body("controls[3].inclusionReasons", hasSize(0))
                .body("asOf.eventCount", equalTo(Scenario.EVENT_COUNT));
    }

    @Test
    void heatMapCountsInherentAndResidualCells() {
        var response = given().auth().oauth2(VIEWER)
                .when().get(base() + "/heat-map")
                .then().statusCode(200)
                .body("scale", equalTo(5))
                .body("openRisks", equalTo(2))
                .body("withoutResidualRating", equalTo(0))
                .body("inherent", hasSize(25))
                .body("residual", hasSize(25))
                .body("inherentByLevel", equalTo(Map.of("HIGH", 1, "MEDIUM", 1)))
                .body("residualByLevel", equalTo(Map.of("LOW", 1, "MEDIUM", 1)))
                .body("residualByLevel.keySet()", contains("MEDIUM", "LOW"))
                .extract().jsonPath();

        assertEquals(1, cell(response.getList("inherent"), 4, 4));
        assertEquals(1, cell(response.getList("inherent"), 2, 3));
        assertEquals(0, cell(response.getList("inherent"), 2, 2), "the earlier rating L2 x I2 was replaced");
        assertEquals(2, response.getList("inherent", Map.class).stream().mapToInt(c -> ((Number) c.get("count")).intValue()).sum());
        assertEquals(1, cell(response.getList("residual"), 2, 4));
        assertEquals(1, cell(response.getList("residual"), 1, 3));
        assertEquals(2, response.getList("residual", Map.class).stream().mapToInt(c -> ((Number) c.get("count")).intValue()).sum());
    }

    private static int cell(List<Object> cells, int likelihood, int impact) {
        for (Object cell : cells) {
            Map<?, ?> values = (Map<?, ?>) cell;
            if (((Number) values.get("likelihood")).intValue() == likelihood
                    && ((Number) values.get("impact")).intValue() == impact) {
                return ((Number) values.get("count")).intValue();
            }
        }
        throw new AssertionError("no cell " + likelihood + " x " + impact);
    }

    @Test
    void roadmapShowsProgressPerPhase() {
        given().auth().oauth2(VIEWER)
                .when().get(base() + "/roadmap")
                .then().statusCode(200)
                .body("actions", equalTo(2))
                .body("completed", equalTo(1))
                .body("overdue", equalTo(1))
                .body("progressPercent", equalTo(percent("50.0")))
                .body("phases.phase", contains(1, 2, 3))
                .body("phases.name", contains("Immediate fixes", "Process improvement", "Ongoing monitoring"))
                .body("phases[0].actions", equalTo(1))
                .body("phases[0].completed", equalTo(0))
                .body("phases[0].overdue", equalTo(1))
                .body("phases[0].progressPercent", equalTo(percent("0.0")))
                .body("phases[0].items[0].owner", equalTo("alice"))
                .body("phases[0].items[0].overdue", equalTo(true))
                .body("phases[1].completed", equalTo(1))
                .body("phases[1].progressPercent", equalTo(percent("100.0")))
                .body("phases[1].items[0].requirementRefs", contains("4.2", "5.2"))
                .body("phases[1].items[0].status", equalTo("COMPLETED"))
                .body("phases[2].actions", equalTo(0))
                .body("phases[2].progressPercent", nullValue());
    }

    @Test
    void trendComparesReassessmentWithBaseline() {
        UUID reassessment = UUID.randomUUID();
        scenario.send(reassessment, "AssessmentStarted", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","name":"ISMS re-assessment 2027","catalogId":"iso-iec-27001",
                 "catalogVersion":"2022","targetMaturity":3,"baselineAssessmentId":"%s","assessableCount":8,
                 "scopeCriticality":"HIGH","startedAt":"2027-02-01T08:00:00Z","requirements":[
                  {"ref":"4.1","title":"Understanding the organization and its context","kind":"CLAUSE","group":"4","excludable":false},
                  {"ref":"4.2","title":"Interested parties","kind":"CLAUSE","group":"4","excludable":false},
                  {"ref":"5.2","title":"Policy","kind":"CLAUSE","group":"5","excludable":false},
                  {"ref":"A.5.1","title":"Policies for information security","kind":"CONTROL","group":"A.5","excludable":true},
                  {"ref":"A.5.15","title":"Access control","kind":"CONTROL","group":"A.5","excludable":true},
                  {"ref":"A.6.3","title":"Information security awareness, education and training","kind":"CONTROL","group":"A.6","excludable":true},
                  {"ref":"A.7.4","title":"Physical security monitoring","kind":"CONTROL","group":"A.7","excludable":true},
                  {"ref":"A.8.5","title":"Secure authentication","kind":"CONTROL","group":"A.8","excludable":true}]}
                """.formatted(TENANT, reassessment, scenario.assessmentId));
        scenario.answer(reassessment, "4.1", "Understanding the organization and its context", "CLAUSE", "4",
                "IMPLEMENTED", 4, false, null, "[]", "[]", "2027-02-02T10:00:00Z");
        scenario.answer(reassessment, "4.2", "Interested parties", "CLAUSE", "4", "IMPLEMENTED", 3, false, null, "[]",
                "[]", "2027-02-02T10:01:00Z");
        scenario.answer(reassessment, "5.2", "Policy", "CLAUSE", "5", "PARTIALLY_IMPLEMENTED", 2, true, null, "[]", "[]",
                "2027-02-02T10:02:00Z");
        scenario.answer(reassessment, "A.5.1", "Policies for information security", "CONTROL", "A.5", "IMPLEMENTED", 3,
                false, null, "[]", "[]", "2027-02-02T10:03:00Z");
        scenario.answer(reassessment, "A.5.15", "Access control", "CONTROL", "A.5", "PARTIALLY_IMPLEMENTED", 1, true,
                null, "[]", "[]", "2027-02-02T10:04:00Z");
        scenario.answer(reassessment, "A.6.3", "Information security awareness, education and training", "CONTROL",
                "A.6", "NOT_APPLICABLE", null, false, "\"Still no staff\"", "[]", "[]", "2027-02-02T10:05:00Z");
        scenario.answer(reassessment, "A.7.4", "Physical security monitoring", "CONTROL", "A.7", "IMPLEMENTED", 3,
                false, null, "[]", "[]", "2027-02-02T10:06:00Z");
        EventFeed.awaitEventCount(TENANT, reassessment, 8);

        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments/" + reassessment + "/trend")
                .then().statusCode(200)
                .body("baselineAssessmentId", equalTo(scenario.assessmentId.toString()))
                .body("changes", equalTo(Map.of("IMPROVED", 2, "WORSENED", 1, "UNCHANGED", 3, "NEW", 1,
                        "NOT_COMPARABLE", 1)))
                .body("requirements.requirementRef", contains("4.1", "4.2", "5.2", "A.5.1", "A.5.15", "A.6.3", "A.7.4",
                        "A.8.5"))
                .body("requirements.change", contains("UNCHANGED", "IMPROVED", "WORSENED", "UNCHANGED", "IMPROVED",
                        "UNCHANGED", "NEW", "NOT_COMPARABLE"))
                .body("requirements[2].baselineStatus", equalTo("IMPLEMENTED"))
                .body("requirements[2].currentStatus", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("baselinePercent", equalTo(percent("50.0")))
                .body("currentPercent", equalTo(percent("66.7")))
                .body("deltaPoints", equalTo(percent("16.7")))
                .body("clauses.group", contains("4", "5"))
                .body("clauses[0].changes.IMPROVED", equalTo(1))
                .body("clauses[0].changes.UNCHANGED", equalTo(1))
                .body("clauses[0].baselinePercent", equalTo(percent("50.0")))
                .body("clauses[0].currentPercent", equalTo(percent("100.0")))
                .body("clauses[0].deltaPoints", equalTo(percent("50.0")))
                .body("clauses[1].changes.WORSENED", equalTo(1))
                .body("themes.group", contains("A.5", "A.6", "A.7", "A.8"))
                .body("themes[0].changes.IMPROVED", equalTo(1))
                .body("themes[0].changes.UNCHANGED", equalTo(1))
                .body("themes[2].changes.NEW", equalTo(1))
                .body("themes[2].baselinePercent", nullValue())
                .body("themes[2].currentPercent", equalTo(percent("100.0")))
                .body("themes[2].deltaPoints", nullValue())
                .body("themes[3].changes.NOT_COMPARABLE", equalTo(1))
                .body("asOf.eventCount", equalTo(8))
                .body("baselineAsOf.eventCount", equalTo(Scenario.EVENT_COUNT));

        String html = given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments/" + reassessment + "/exports/report.html")
                .then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<h2>Trend against the baseline assessment</h2>"), "the report has a trend section");
        assertTrue(html.contains("Compliance 50.0 % then, 66.7 % now (+16.7 points)."), "the report states the trend");
    }

    @Test
    void trendOfFirstAssessmentIsConflict() {
        given().auth().oauth2(VIEWER)
                .when().get(base() + "/trend")
                .then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void everyRoleReadsReports() {
        for (String role : List.of("admin", "assessor", "risk-manager", "remediation-owner", "auditor", "viewer")) {
            given().auth().oauth2(TestTokens.forTenant(TENANT, role))
                    .when().get(base() + "/summary")
                    .then().statusCode(200)
                    .body("overall.percent", equalTo(percent("50.0")));
        }
    }

    @Test
    void reportsNeedToken() {
        for (String path : List.of("/summary", "/gaps", "/statement-of-applicability", "/heat-map", "/roadmap",
                "/trend", "/exports/gaps.csv")) {
            given().when().get(base() + path).then().statusCode(401);
        }
        given().when().post("/api/v1/reports/rebuild").then().statusCode(401);
    }

    @Test
    void tokenWithoutRoleIsForbidden() {
        given().auth().oauth2(TestTokens.forTenant(TENANT))
                .when().get(base() + "/summary")
                .then().statusCode(403);
    }

    @Test
    void otherTenantGetsNotFound() {
        String other = TestTokens.forTenant("other-" + UUID.randomUUID(), "admin");
        for (String path : List.of("/summary", "/gaps", "/statement-of-applicability", "/heat-map", "/roadmap",
                "/trend", "/exports/gaps.csv", "/exports/report.pdf", "/exports/oscal-assessment-results.json")) {
            given().auth().oauth2(other)
                    .when().get(base() + path)
                    .then().statusCode(404);
        }
        given().auth().oauth2(other)
                .when().get("/api/v1/reports/assessments")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0));
    }

    @Test
    void assessmentListShowsKnownAssessments() {
        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments")
                .then().statusCode(200)
                .body("items.assessmentId", org.hamcrest.Matchers.hasItem(scenario.assessmentId.toString()))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
    }

    @Test
    void assessmentListIsPaged() {
        int total = given().auth().oauth2(VIEWER)
                .when().get("/api/v1/reports/assessments")
                .then().statusCode(200)
                .extract().path("totalItems");
        assertTrue(total >= 1, "the scenario's assessment is listed");

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < total; page++) {
            List<String> ids = given().auth().oauth2(VIEWER)
                    .queryParam("page", page).queryParam("size", 1)
                    .when().get("/api/v1/reports/assessments")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(total))
                    .body("totalPages", equalTo(total))
                    .extract().path("items.assessmentId");
            assertEquals(1, ids.size(), "page " + page + " of size 1");
            seen.addAll(ids);
        }
        assertEquals(total, new HashSet<>(seen).size(), "every assessment appears on exactly one page");

        given().auth().oauth2(VIEWER)
                .queryParam("page", total).queryParam("size", 1)
                .when().get("/api/v1/reports/assessments")
                .then().statusCode(200)
                .body("items", hasSize(0));
        for (String[] bad : new String[][]{{"size", "0"}, {"size", "501"}, {"size", "ten"}, {"page", "-1"}}) {
            given().auth().oauth2(VIEWER)
                    .queryParam(bad[0], bad[1])
                    .when().get("/api/v1/reports/assessments")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[0]));
        }
    }
}
