package io.gaplens.assessment.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answer;
import static io.gaplens.assessment.AssessmentApi.answerJson;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createStarted;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class SummaryTest {

    /**
     * Target maturity 3. Eight answers: 4.1 implemented at 3, 4.2 partial, 5.1 implemented without a
     * maturity, A.5.1 implemented at 2 (below target), A.5.2 not applicable, A.7.1 implemented at 4,
     * A.8.8 not implemented, A.8.9 implemented at 5. Seven are applicable and assessed; four of them
     * leave no gap: 4/7 = 57.14 %. Progress is 8/123 = 6.50 % (6.504 rounded down).
     */
    @Test
    void summaryMatchesHandComputedFigures() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        answerOk(tenant, id, "4.1", "IMPLEMENTED", 3);
        answerOk(tenant, id, "4.2", "PARTIALLY_IMPLEMENTED", 2);
        answerOk(tenant, id, "5.1", "IMPLEMENTED", null);
        answerOk(tenant, id, "A.5.1", "IMPLEMENTED", 2);
        answer(tenant, id, "A.5.2", answerJson("NOT_APPLICABLE", null, "No separate security roles exist"))
                .then().statusCode(200);
        answerOk(tenant, id, "A.7.1", "IMPLEMENTED", 4);
        answerOk(tenant, id, "A.8.8", "NOT_IMPLEMENTED", 0);
        answerOk(tenant, id, "A.8.9", "IMPLEMENTED", 5);
        answerOk(tenant, id, "A.6.1", "NOT_ASSESSED", null);

        JsonPath summary = given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get(BASE + "/" + id + "/summary")
                .then().statusCode(200)
                .body("targetMaturity", equalTo(3))
                .body("status", equalTo("IN_PROGRESS"))
                .extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

        assertEquals(123, summary.getInt("overall.assessableCount"));
        assertEquals(8, summary.getInt("overall.answeredCount"));
        assertEquals(7, summary.getInt("overall.applicableAssessedCount"));
        assertEquals(4, summary.getInt("overall.compliantCount"));
        assertEquals(3, summary.getInt("overall.gapCount"));
        assertEquals(115, summary.getInt("overall.countsByStatus.NOT_ASSESSED"));
        assertEquals(1, summary.getInt("overall.countsByStatus.NOT_IMPLEMENTED"));
        assertEquals(1, summary.getInt("overall.countsByStatus.PARTIALLY_IMPLEMENTED"));
        assertEquals(5, summary.getInt("overall.countsByStatus.IMPLEMENTED"));
        assertEquals(1, summary.getInt("overall.countsByStatus.NOT_APPLICABLE"));
        assertEquals("57.14", summary.getString("overall.compliancePercent"));
        assertEquals("6.50", summary.getString("overall.progressPercent"));

        assertGroup(summary, "clauses", "4", 4, 2, "50.00", "50.00");
        assertGroup(summary, "clauses", "5", 3, 1, "100.00", "33.33");
        assertGroup(summary, "clauses", "10", 2, 0, null, "0.00");
        assertGroup(summary, "themes", "A.5", 37, 2, "0.00", "5.40");
        assertGroup(summary, "themes", "A.6", 8, 0, null, "0.00");
        assertGroup(summary, "themes", "A.7", 14, 1, "100.00", "7.14");
        assertGroup(summary, "themes", "A.8", 34, 2, "50.00", "5.88");
        assertEquals(List.of("4", "5", "6", "7", "8", "9", "10"), summary.getList("clauses.group"));
        assertEquals(List.of("A.5", "A.6", "A.7", "A.8"), summary.getList("themes.group"));

        given().auth().oauth2(assessor(tenant)).queryParam("gap", "true")
                .when().get(BASE + "/" + id + "/answers")
                .then().statusCode(200)
                .body("requirementRef", contains("4.2", "A.5.1", "A.8.8"));
        given().auth().oauth2(assessor(tenant)).queryParam("group", "A.8").queryParam("status", "implemented")
                .when().get(BASE + "/" + id + "/answers")
                .then().body("requirementRef", contains("A.8.9"));
        given().auth().oauth2(assessor(tenant)).queryParam("gap", "maybe")
                .when().get(BASE + "/" + id + "/answers")
                .then().statusCode(400).body("errors[0].field", equalTo("gap"));
    }

    @Test
    void progressReachesHundredOnlyWhenEveryRequirementIsAnswered() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 2);
        List<String> refs = given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/requirements")
                .then().extract().jsonPath().getList("ref");
        List<String> rows = new ArrayList<>();
        for (String ref : refs.subList(0, refs.size() - 1)) {
            rows.add("{\"requirement\": \"" + ref + "\", \"status\": \"IMPLEMENTED\", \"maturity\": 2}");
        }
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body("[" + String.join(",", rows) + "]")
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(200)
                .body("changed", equalTo(122));

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().statusCode(200)
                .body("overall.answeredCount", equalTo(122))
                .body("overall.progressPercent", equalTo(99.18f))
                .body("overall.compliancePercent", equalTo(100.00f));

        answerOk(tenant, id, refs.get(refs.size() - 1), "IMPLEMENTED", 2);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().body("overall.progressPercent", equalTo(100.00f));
    }

    @Test
    void newAssessmentHasNoCompliancePercentage() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().statusCode(200)
                .body("overall.compliancePercent", nullValue())
                .body("overall.progressPercent", equalTo(0.00f))
                .body("overall.countsByStatus.NOT_ASSESSED", equalTo(123));
    }

    private static void assertGroup(JsonPath summary, String list, String group, int assessable, int answered,
                                    String compliance, String progress) {
        String prefix = list + ".find { it.group == '" + group + "' }.figures.";
        assertEquals(assessable, summary.getInt(prefix + "assessableCount"), group + " assessable");
        assertEquals(answered, summary.getInt(prefix + "answeredCount"), group + " answered");
        if (compliance == null) {
            assertNull(summary.get(prefix + "compliancePercent"), group + " compliance");
        } else {
            assertEquals(compliance, summary.getString(prefix + "compliancePercent"), group + " compliance");
        }
        assertEquals(progress, summary.getString(prefix + "progressPercent"), group + " progress");
    }
}
