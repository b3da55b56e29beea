package io.gaplens.assessment;

import io.gaplens.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the assessment API that many tests share: each builds its data in a fresh tenant. */
public final class AssessmentApi {

    public static final String BASE = "/api/v1/assessments";

    private AssessmentApi() {
    }

    /** Returns a tenant name no other test uses. */
    public static String freshTenant() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String assessor(String tenant) {
        return TestTokens.forTenant(tenant, "assessor");
    }

    /** Creates a draft against ISO/IEC 27001:2022 with target maturity {@code target} and returns its id. */
    public static String createDraft(String tenant, int target, String scopeJson) {
        String body = """
                {"name": "ISMS baseline", "catalogId": "iso-iec-27001", "catalogVersion": "2022",
                 "targetMaturity": %d, "startDate": "2026-01-05", "dueDate": "2026-03-31", "scope": %s}
                """.formatted(target, scopeJson == null ? "null" : scopeJson);
        return given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(body)
                .when().post(BASE)
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Creates and starts an assessment and returns its id. */
    public static String createStarted(String tenant, int target) {
        String id = createDraft(tenant, target, null);
        start(tenant, id);
        return id;
    }

    public static void start(String tenant, String id) {
        given().auth().oauth2(assessor(tenant))
                .when().post(BASE + "/" + id + "/start")
                .then().statusCode(200);
    }

    /** Returns the current ETag of an answer. */
    public static String answerTag(String tenant, String id, String ref) {
        return given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/" + ref)
                .then().statusCode(200)
                .extract().header("ETag");
    }

    /** Reads the answer's ETag, then PUTs {@code json} with it, and returns the response. */
    public static Response answer(String tenant, String id, String ref, String json) {
        String tag = answerTag(tenant, id, ref);
        return given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON)
                .header("If-Match", tag).body(json)
                .when().put(BASE + "/" + id + "/answers/" + ref);
    }

    /** Records {@code status} and {@code maturity} and expects 200. */
    public static void answerOk(String tenant, String id, String ref, String status, Integer maturity) {
        answer(tenant, id, ref, answerJson(status, maturity, null)).then().statusCode(200);
    }

    public static String answerJson(String status, Integer maturity, String justification) {
        return new io.gaplens.assessment.JsonText(Map.of()).with("status", status).with("maturity", maturity)
                .with("justification", justification).toString();
    }
}
