package io.gaplens.assessment.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answer;
import static io.gaplens.assessment.AssessmentApi.answerJson;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.answerTag;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createDraft;
import static io.gaplens.assessment.AssessmentApi.createStarted;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.gaplens.assessment.AssessmentApi.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class AnswerTest {

    @Test
    void answerWithEvidenceIsStoredUnderFullReference() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);

        answer(tenant, id, "5.15", """
                {"status": "partially implemented", "maturity": 2,
                 "inclusionReasons": ["RISK_ASSESSMENT", "CONTRACTUAL"],
                 "notes": "Policy exists, reviews are overdue", "assessor": "Dana Kovac",
                 "answeredAt": "2026-02-03T09:15:30.123456+05:30",
                 "evidence": [{"title": "Access control policy", "reference": "DMS-0042", "owner": "CISO",
                               "collectedOn": "2026-01-20"}]}
                """)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        answer(tenant, id, "5.15", """
                {"status": "PARTIALLY_IMPLEMENTED", "maturity": 2,
                 "inclusionReasons": ["RISK_ASSESSMENT", "CONTRACTUAL"],
                 "notes": "Policy exists, reviews are overdue", "assessor": "Dana Kovac",
                 "answeredAt": "2026-02-03T09:15:30.123456+05:30",
                 "evidence": [{"title": "Access control policy", "reference": "DMS-0042", "owner": "CISO",
                               "collectedOn": "2026-01-20"}]}
                """)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("requirementRef", equalTo("A.5.15"))
                .body("requirementTitle", equalTo("Access control"))
                .body("group", equalTo("A.5"))
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("maturity", equalTo(2))
                .body("gap", equalTo(true))
                .body("inclusionReasons", contains("RISK_ASSESSMENT", "CONTRACTUAL"))
                .body("assessor", equalTo("Dana Kovac"))
                .body("answeredAt", equalTo("2026-02-03T03:45:30.123456Z"))
                .body("evidence[0].reference", equalTo("DMS-0042"))
                .body("evidence[0].collectedOn", equalTo("2026-01-20"))
                .body("updatedBy", equalTo("assessor@" + tenant));

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get(BASE + "/" + id + "/answers/A.5.15")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("notes", equalTo("Policy exists, reviews are overdue"));
    }

    @Test
    void timestampsWithAnyOffsetAreAccepted() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String[][] cases = {
                {"2026-02-03T10:00:00Z", "2026-02-03T10:00:00Z"},
                {"2026-02-03T10:00:00.5-03:00", "2026-02-03T13:00:00.5Z"},
                {"2026-02-03T10:00:00.987654+14:00", "2026-02-02T20:00:00.987654Z"},
        };
        int maturity = 0;
        for (String[] item : cases) {
            answer(tenant, id, "A.5.1", """
                    {"status": "IMPLEMENTED", "maturity": %d, "answeredAt": "%s"}
                    """.formatted(maturity++, item[0]))
                    .then().statusCode(200)
                    .body("answeredAt", equalTo(item[1]));
        }
        answer(tenant, id, "A.5.1", """
                {"status": "IMPLEMENTED", "answeredAt": "3 February 2026"}
                """)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("answeredAt"));
    }

    @Test
    void updateWithoutIfMatchIs428AndStaleIs412() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String first = answerTag(tenant, id, "A.8.8");

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body(answerJson("IMPLEMENTED", 3, null))
                .when().put(BASE + "/" + id + "/answers/A.8.8")
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", first)
                .body(answerJson("IMPLEMENTED", 3, null))
                .when().put(BASE + "/" + id + "/answers/A.8.8")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", first)
                .body(answerJson("NOT_IMPLEMENTED", 0, null))
                .when().put(BASE + "/" + id + "/answers/A.8.8")
                .then().statusCode(412)
                .body("errors[0].message", equalTo("stale"));

        given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/A.8.8")
                .then().body("status", equalTo("IMPLEMENTED"));
    }

    @Test
    void notApplicableRulesDependOnRequirementKind() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);

        answer(tenant, id, "6.1.2", answerJson("NOT_APPLICABLE", null, "We have no risks"))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", startsWith("NOT_APPLICABLE is not allowed for clause 6.1.2"));

        answer(tenant, id, "A.7.4", answerJson("NOT_APPLICABLE", null, null))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("justification"));

        answer(tenant, id, "A.7.4", """
                {"status": "NOT_APPLICABLE", "justification": "Fully remote company", "inclusionReasons": ["LEGAL"]}
                """)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("inclusionReasons"));

        answer(tenant, id, "A.7.4", answerJson("NOT_APPLICABLE", null, "Fully remote company without premises"))
                .then().statusCode(200)
                .body("status", equalTo("NOT_APPLICABLE"))
                .body("gap", equalTo(false))
                .body("justification", equalTo("Fully remote company without premises"));
    }

    @Test
    void invalidAnswerValuesAreRejectedByField() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);

        answer(tenant, id, "A.5.1", answerJson("IMPLEMENTED", 6, null))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("maturity"))
                .body("errors[0].message", equalTo("must be between 0 and 5, was 6"));
        answer(tenant, id, "A.5.1", answerJson("IMPLEMENTED", -1, null))
                .then().statusCode(400).body("errors[0].field", equalTo("maturity"));
        answer(tenant, id, "A.5.1", "{\"maturity\": 2}")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        answer(tenant, id, "A.5.1", "{\"status\": \"DONE\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        answer(tenant, id, "A.5.1", "{\"status\": \"IMPLEMENTED\", \"inclusionReasons\": [\"GUT_FEELING\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("inclusionReasons[0]"));
        answer(tenant, id, "A.5.1", "{\"status\": \"IMPLEMENTED\", \"evidence\": [{\"owner\": \"CISO\"}]}")
                .then().statusCode(400).body("errors[0].field", equalTo("evidence[0].title"));
        answer(tenant, id, "A.5.1", "{\"status\": \"IMPLEMENTED\", \"evidence\": [{\"title\": \"x\", \"collectedOn\": \"2026-13-01\"}]}")
                .then().statusCode(400).body("errors[0].field", equalTo("evidence[0].collectedOn"));
        answer(tenant, id, "A.5.1", "{\"status\": \"IMPLEMENTED\", \"colour\": \"red\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
        answer(tenant, id, "A.5.1", "{\"status\": ")
                .then().statusCode(400);

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", "*")
                .body(answerJson("IMPLEMENTED", 3, null))
                .when().put(BASE + "/" + id + "/answers/A.99.1")
                .then().statusCode(404);

        given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("status", equalTo("NOT_ASSESSED"))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void auditTrailKeepsEveryChangeForAuditors() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        answerOk(tenant, id, "A.8.8", "NOT_IMPLEMENTED", 0);
        answerOk(tenant, id, "A.8.8", "NOT_IMPLEMENTED", 0);
        answerOk(tenant, id, "A.8.8", "IMPLEMENTED", 4);

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(BASE + "/" + id + "/answers/8.8/history")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].changedBy", equalTo("assessor@" + tenant))
                .body("[0].source", equalTo("API"))
                .body("[0].oldValue.status", equalTo("NOT_ASSESSED"))
                .body("[0].oldValue.maturity", nullValue())
                .body("[0].newValue.status", equalTo("NOT_IMPLEMENTED"))
                .body("[0].newValue.maturity", equalTo(0))
                .body("[0].newValue.gap", equalTo(true))
                .body("[1].oldValue.status", equalTo("NOT_IMPLEMENTED"))
                .body("[1].newValue.status", equalTo("IMPLEMENTED"))
                .body("[1].newValue.maturity", equalTo(4))
                .body("[1].newValue.gap", equalTo(false));

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get(BASE + "/" + id + "/answers/A.8.8/history")
                .then().statusCode(403);
    }

    @Test
    void rolesLimitWritesToAssessorsAndAdmins() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String path = BASE + "/" + id + "/answers/A.5.1";
        String body = answerJson("IMPLEMENTED", 3, null);

        for (String role : new String[]{"auditor", "viewer", "risk-manager", "remediation-owner"}) {
            given().auth().oauth2(TestTokens.forTenant(tenant, role)).contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"").body(body)
                    .when().put(path)
                    .then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestTokens.forTenant(tenant, role))
                    .when().get(path)
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.forTenant(tenant, role))
                    .when().post(BASE + "/" + id + "/complete")
                    .then().statusCode(403);
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(path)
                .then().statusCode(401);
        given().when().get(BASE + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer")).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\"}")
                .when().post(BASE)
                .then().statusCode(403);

        given().auth().oauth2(TestTokens.forTenant(tenant, "admin")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(body)
                .when().put(path)
                .then().statusCode(200);
    }

    @Test
    void anotherTenantsAssessmentIsNotFound() {
        String owner = freshTenant();
        String id = createStarted(owner, 3);
        String intruder = assessor(freshTenant());

        given().auth().oauth2(intruder).when().get(BASE + "/" + id).then().statusCode(404);
        given().auth().oauth2(intruder).when().get(BASE + "/" + id + "/answers").then().statusCode(404);
        given().auth().oauth2(intruder).when().get(BASE + "/" + id + "/summary").then().statusCode(404);
        given().auth().oauth2(intruder).contentType(ContentType.JSON).header("If-Match", "*")
                .body(answerJson("IMPLEMENTED", 3, null))
                .when().put(BASE + "/" + id + "/answers/A.5.1")
                .then().statusCode(404);
        given().auth().oauth2(intruder).when().post(BASE + "/" + id + "/complete").then().statusCode(404);
        given().auth().oauth2(intruder).when().get(BASE).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void answersNeedAnAssessmentInProgress() {
        String tenant = freshTenant();
        String id = createDraft(tenant, 3, null);
        answer(tenant, id, "A.5.1", answerJson("IMPLEMENTED", 3, null))
                .then().statusCode(409)
                .body("detail", startsWith("Assessment " + id + " is DRAFT"));
    }

    @Test
    void completedAssessmentIsReadOnly() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        answerOk(tenant, id, "A.5.1", "IMPLEMENTED", 3);
        String tag = given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/complete")
                .then().statusCode(200);

        answer(tenant, id, "A.5.1", answerJson("NOT_IMPLEMENTED", 0, null)).then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"name\": \"Renamed\"}")
                .when().put(BASE + "/" + id)
                .then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).contentType("text/csv")
                .body("requirement,status\nA.5.1,NOT_IMPLEMENTED\n")
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("{\"intervieweeRole\": \"CISO\", \"heldOn\": \"2026-02-01\", \"requirementRefs\": [\"A.5.1\"]}")
                .when().post(BASE + "/" + id + "/interviews")
                .then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("status", equalTo("IMPLEMENTED"));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id)
                .then().body("name", equalTo("ISMS baseline"))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(tag)));
    }

    @Test
    void assessmentUpdateNeedsIfMatchAndKeepsTargetOnceStarted() {
        String tenant = freshTenant();
        String id = createDraft(tenant, 3, null);
        String path = BASE + "/" + id;
        String update = """
                {"name": "ISMS 2026", "targetMaturity": 4, "startDate": "2026-02-01", "dueDate": "2026-04-30",
                 "scope": {"assets": [{"name": "ERP", "criticality": "VERY_HIGH"}]}}
                """;

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(update)
                .when().put(path).then().statusCode(428);
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(update)
                .when().put(path).then().statusCode(412);
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(update)
                .when().put(path)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("targetMaturity", equalTo(4))
                .body("scopeCriticality", equalTo("VERY_HIGH"));

        start(tenant, id);
        String tag = given().auth().oauth2(assessor(tenant)).when().get(path).then().extract().header("ETag");
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"name\": \"ISMS 2026\", \"targetMaturity\": 2}")
                .when().put(path)
                .then().statusCode(409)
                .body("errors[0].field", equalTo("targetMaturity"));
    }

    @Test
    void invalidAssessmentRequestsNameTheirFields() {
        String token = assessor(freshTenant());
        Object[][] cases = {
                {"{\"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\"}", "name"},
                {"{\"name\": \"x\", \"catalogVersion\": \"2022\"}", "catalogId"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\"}", "catalogVersion"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\", \"targetMaturity\": 6}",
                        "targetMaturity"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\","
                        + " \"startDate\": \"2026-03-01\", \"dueDate\": \"2026-02-01\"}", "dueDate"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\","
                        + " \"startDate\": \"2026-02-30\"}", "startDate"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\","
                        + " \"scope\": {\"assets\": [{\"name\": \"ERP\", \"criticality\": \"EXTREME\"}]}}",
                        "scope.assets[0].criticality"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\","
                        + " \"scope\": {\"assets\": [{\"criticality\": \"LOW\"}]}}", "scope.assets[0].name"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2022\","
                        + " \"scope\": {\"exclusions\": [{\"item\": \"Shops\"}]}}", "scope.exclusions[0].justification"},
                {"{\"name\": \"x\", \"catalogId\": \"iso-iec-27001\", \"catalogVersion\": \"2099\"}", "catalogId"},
        };
        for (Object[] item : cases) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(item[0])
                    .when().post(BASE)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(item[1]));
        }
        given().auth().oauth2(token).when().get(BASE).then().body("totalItems", equalTo(0));
    }

    @Test
    void interviewsAndDocumentReviewsLinkToAnswers() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);

        String interview = given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("""
                        {"intervieweeRole": "Head of IT operations", "heldOn": "2026-02-10",
                         "topics": ["Patching", "Vulnerability scanning"], "requirementRefs": ["8.8", "A.8.9"]}
                        """)
                .when().post(BASE + "/" + id + "/interviews")
                .then().statusCode(201)
                .body("requirementRefs", contains("A.8.8", "A.8.9"))
                .body("recordedBy", equalTo("assessor@" + tenant))
                .extract().path("id");
        String review = given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("""
                        {"document": "Patch management procedure", "version": "2.1", "reviewedOn": "2026-02-11",
                         "requirementRefs": ["A.8.8"]}
                        """)
                .when().post(BASE + "/" + id + "/document-reviews")
                .then().statusCode(201)
                .body("version", equalTo("2.1"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(BASE + "/" + id + "/answers/A.8.8")
                .then().statusCode(200)
                .body("interviewIds", contains(interview))
                .body("documentReviewIds", contains(review));
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(BASE + "/" + id + "/answers/A.8.9")
                .then().body("interviewIds", contains(interview))
                .body("documentReviewIds", hasSize(0));
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get(BASE + "/" + id + "/interviews")
                .then().statusCode(200).body("", hasSize(1)).body("[0].topics", contains("Patching",
                        "Vulnerability scanning"));

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("{\"intervieweeRole\": \" \", \"requirementRefs\": [\"A.42\"]}")
                .when().post(BASE + "/" + id + "/interviews")
                .then().statusCode(400)
                .body("errors.field", contains("intervieweeRole", "heldOn", "requirementRefs[0]"));
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("{\"document\": \"Policy\", \"reviewedOn\": \"2026-02-11\", \"requirementRefs\": []}")
                .when().post(BASE + "/" + id + "/document-reviews")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("requirementRefs"));
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor")).contentType(ContentType.JSON)
                .body("{\"document\": \"Policy\", \"reviewedOn\": \"2026-02-11\", \"requirementRefs\": [\"A.5.1\"]}")
                .when().post(BASE + "/" + id + "/document-reviews")
                .then().statusCode(403);
    }

    @Test
    void reassessmentCarriesAnswersOverForReview() {
        String tenant = freshTenant();
        String baseline = createStarted(tenant, 3);
        answerOk(tenant, baseline, "A.8.8", "PARTIALLY_IMPLEMENTED", 2);
        answerOk(tenant, baseline, "A.5.1", "IMPLEMENTED", 4);

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body("{}")
                .when().post(BASE + "/" + baseline + "/reassessments")
                .then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + baseline + "/complete")
                .then().statusCode(200);

        String next = given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .body("{\"name\": \"ISMS 2027\", \"targetMaturity\": 5}")
                .when().post(BASE + "/" + baseline + "/reassessments")
                .then().statusCode(201)
                .body("baselineAssessmentId", equalTo(baseline))
                .body("status", equalTo("DRAFT"))
                .body("name", equalTo("ISMS 2027"))
                .body("assessableCount", equalTo(123))
                .extract().path("id");

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + next + "/answers/A.5.1")
                .then().statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("maturity", equalTo(4))
                .body("carriedOver", equalTo(true))
                .body("reviewRequired", equalTo(true))
                .body("gap", equalTo(true));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + next + "/answers/A.5.2")
                .then().body("status", equalTo("NOT_ASSESSED"))
                .body("carriedOver", equalTo(false));
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(BASE + "/" + next + "/answers/A.8.8/history")
                .then().body("", hasSize(1)).body("[0].source", equalTo("BASELINE"));

        start(tenant, next);
        answerOk(tenant, next, "A.5.1", "IMPLEMENTED", 5);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + next + "/answers/A.5.1")
                .then().body("carriedOver", equalTo(false))
                .body("reviewRequired", equalTo(false))
                .body("gap", equalTo(false));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + baseline + "/answers/A.5.1")
                .then().body("maturity", equalTo(4));
    }
}
