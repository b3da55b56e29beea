package io.gaplens.assessment.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createStarted;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class AnswerImportTest {

    private static final String HEADER = "requirement,status,maturity,justification,inclusion_reasons,notes,"
            + "evidence_title,evidence_reference,evidence_owner,evidence_collected_on";

    @Test
    void csvWithBomSemicolonsAndCrlfIsImported() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String csv = HEADER.replace(',', ';') + "\r\n"
                + "4.1;Implemented;3;;;Context documented;;;;\r\n"
                + "A.5.15;Partially implemented;2;;Risk assessment|Contractual;\"Reviews overdue;\r\nsee audit\";"
                + "\"Access control policy\r\nReview log\";\"DMS-0042\r\nISMS/Reviews/log.xlsx\";\"CISO\r\nIT\";"
                + "\"2026-01-20\r\n2026-01-22\"\r\n"
                + "A.7.4;not applicable;;Fully remote company;;;;;;\r\n"
                + "A.9.2.3;IMPLEMENTED;4;;LEGAL;Taken from the 2013 audit;;;;\r\n"
                + "A.18.2.3;PARTIALLY_IMPLEMENTED;2;;;;;;;\r\n";

        given().auth().oauth2(assessor(tenant)).contentType("text/csv")
                .body(withBom(csv))
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(200)
                .body("rows", equalTo(5))
                .body("changed", equalTo(6))
                .body("unchanged", equalTo(0))
                .body("answers.requirementRef", contains("4.1", "A.5.15", "A.7.4", "A.8.2", "A.5.36", "A.8.8"));

        String answers = BASE + "/" + id + "/answers/";
        given().auth().oauth2(assessor(tenant)).when().get(answers + "A.5.15")
                .then().statusCode(200)
                .body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("maturity", equalTo(2))
                .body("gap", equalTo(true))
                .body("inclusionReasons", contains("RISK_ASSESSMENT", "CONTRACTUAL"))
                .body("notes", containsString("see audit"))
                .body("evidence", hasSize(2))
                .body("evidence[1].title", equalTo("Review log"))
                .body("evidence[1].reference", equalTo("ISMS/Reviews/log.xlsx"))
                .body("evidence[1].owner", equalTo("IT"))
                .body("evidence[1].collectedOn", equalTo("2026-01-22"))
                .body("provenance", hasSize(0));
        given().auth().oauth2(assessor(tenant)).when().get(answers + "A.7.4")
                .then().body("status", equalTo("NOT_APPLICABLE"))
                .body("justification", equalTo("Fully remote company"));
        given().auth().oauth2(assessor(tenant)).when().get(answers + "A.8.2")
                .then().body("status", equalTo("IMPLEMENTED"))
                .body("maturity", equalTo(4))
                .body("reviewRequired", equalTo(false))
                .body("provenance[0].sourceCatalogId", equalTo("iso-iec-27001"))
                .body("provenance[0].sourceVersion", equalTo("2013"))
                .body("provenance[0].sourceRef", equalTo("A.9.2.3"))
                .body("provenance[0].relationship", equalTo("equivalent-to"))
                .body("provenance[0].line", equalTo(10));
        for (String ref : new String[]{"A.5.36", "A.8.8"}) {
            given().auth().oauth2(assessor(tenant)).when().get(answers + ref)
                    .then().body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                    .body("reviewRequired", equalTo(true))
                    .body("provenance[0].sourceRef", equalTo("A.18.2.3"))
                    .body("provenance[0].relationship", equalTo("intersects-with"));
        }
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor")).when().get(answers + "A.8.2/history")
                .then().body("", hasSize(1)).body("[0].source", equalTo("IMPORT"));

        given().auth().oauth2(assessor(tenant)).contentType("text/csv")
                .body(withBom(csv))
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(200)
                .body("changed", equalTo(0))
                .body("unchanged", equalTo(6));
    }

    @Test
    void severalLegacyRowsForOneControlAreMergedForReview() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String csv = HEADER + "\n"
                + "A.5.1.1,IMPLEMENTED,3,,BEST_PRACTICE,Policy approved,Policy,DMS-1,CISO,2026-01-10\n"
                + "A.5.1.2,PARTIALLY_IMPLEMENTED,2,,LEGAL,Review missed,,,,\n";

        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body(csv)
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(200)
                .body("rows", equalTo(2))
                .body("changed", equalTo(1));

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("status", equalTo("PARTIALLY_IMPLEMENTED"))
                .body("maturity", equalTo(2))
                .body("reviewRequired", equalTo(true))
                .body("inclusionReasons", contains("BEST_PRACTICE", "LEGAL"))
                .body("notes", equalTo("A.5.1.1: Policy approved\nA.5.1.2: Review missed"))
                .body("evidence[0].reference", equalTo("DMS-1"))
                .body("provenance.sourceRef", contains("A.5.1.1", "A.5.1.2"))
                .body("provenance.line", contains(2, 3));
    }

    @Test
    void everyBadCsvRowIsReportedAndNothingIsImported() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String csv = HEADER + "\n"
                + "A.5.1,IMPLEMENTED,3,,,\"first line\nsecond line\",,,,\n"
                + "A.99.9,IMPLEMENTED,3,,,,,,,\n"
                + "5.1,NOT_IMPLEMENTED,1,,,,,,,\n"
                + "A.5.1,NOT_IMPLEMENTED,1,,,,,,,\n"
                + "6.1.2,NOT_APPLICABLE,,No risks here,,,,,,\n"
                + "A.5.2,IMPLEMENTED,7,,,,,,,\n"
                + "A.5.3,IMPLEMENTED,3,,,,Policy,DMS-1,CISO,2026-02-30\n"
                + "A.5.4,IMPLEMENTED,high,,,,,,,\n"
                + "A.12.9.9,IMPLEMENTED,3,,,,,,,\n"
                + "A.5.5,DONE,,,,,,,,\n"
                + "A.5.6,IMPLEMENTED,3,,GUT_FEELING,,,,,\n"
                + "A.5.7,NOT_APPLICABLE,,,,,,,,\n"
                + "A.5.8,IMPLEMENTED,3,,,,,DMS-9,,\n";

        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body(csv)
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("11 errors in the import; nothing was imported"))
                .body("errors.line", contains(4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
                .body("errors.field", contains("requirement", "requirement", "status", "maturity",
                        "evidence_collected_on", "maturity", "requirement", "status", "inclusion_reasons",
                        "justification", "evidence_reference"))
                .body("errors[0].message", equalTo("unknown requirement 'A.99.9' in iso-iec-27001 2022"))
                .body("errors[1].message", equalTo("requirement A.5.1 is answered again; line 2 answers it already"))
                .body("errors[3].message", equalTo("must be between 0 and 5, was 7"));

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("status", equalTo("NOT_ASSESSED"))
                .header("ETag", equalTo("\"0\""));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/5.1")
                .then().body("status", equalTo("NOT_ASSESSED"));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().body("overall.answeredCount", equalTo(0));
    }

    @Test
    void legacyRowAndDirectRowForOneControlConflict() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String csv = HEADER + "\n"
                + "A.8.2,IMPLEMENTED,3,,,,,,,\n"
                + "A.9.2.3,IMPLEMENTED,4,,,,,,,\n";
        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body(csv)
                .when().post(BASE + "/" + id + "/answers/import")
                .then().statusCode(400)
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", equalTo("A.9.2.3 maps to A.8.2, which line 2 answers already;"
                        + " answer each requirement once"));
    }

    @Test
    void invalidCsvHeadersAndBodiesAreRejected() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String path = BASE + "/" + id + "/answers/import";

        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body("requirement,status,maturty\nA.5.1,IMPLEMENTED,3\n")
                .when().post(path)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("maturty"))
                .body("errors[0].line", equalTo(1));
        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body("requirement,maturity\nA.5.1,3\n")
                .when().post(path)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("missing column"));
        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body("requirement,status\n")
                .when().post(path)
                .then().statusCode(400)
                .body("detail", equalTo("body: the import has no rows"));
        given().auth().oauth2(assessor(tenant)).contentType("text/csv").body(new byte[0])
                .when().post(path)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(assessor(tenant)).contentType("text/csv")
                .body(new byte[]{'r', 'e', 'q', ',', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post(path)
                .then().statusCode(400)
                .body("detail", equalTo("body: is not valid UTF-8: save the file as UTF-8 and send it again"));
        given().auth().oauth2(assessor(tenant)).contentType("text/csv")
                .body("requirement,status\n\"A.5.1,IMPLEMENTED\n")
                .when().post(path)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(assessor(tenant)).contentType("text/plain").body("requirement,status\n")
                .when().post(path)
                .then().statusCode(415);
        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor")).contentType("text/csv")
                .body("requirement,status\nA.5.1,IMPLEMENTED\n")
                .when().post(path)
                .then().statusCode(403);
    }

    @Test
    void jsonImportReportsLinesOfBadObjects() {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String path = BASE + "/" + id + "/answers/import";

        String bad = """
                [
                  {"requirement": "A.5.1", "status": "IMPLEMENTED", "maturity": 3},
                  {"requirement": "A.5.2",
                   "status": "SOMETIMES"},
                  {"requirement": "4.1", "status": "NOT_APPLICABLE", "justification": "n/a"},
                  {"requirement": "A.5.3", "status": "IMPLEMENTED", "maturity": 2.5, "colour": "red"},
                  {"requirement": "A.5.4", "status": "IMPLEMENTED", "answeredAt": "yesterday"}
                ]
                """;
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(bad)
                .when().post(path)
                .then().statusCode(400)
                .body("errors.line", contains(3, 5, 6, 6, 7))
                .body("errors.field", contains("[1].status", "[2].status", "[3].colour", "[3].maturity",
                        "[4].answeredAt"));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("status", equalTo("NOT_ASSESSED"));

        String good = """
                [
                  {"requirement": "A.5.1", "status": "IMPLEMENTED", "maturity": 3, "assessor": "GRC sync",
                   "answeredAt": "2026-02-01T08:00:00.25+01:00",
                   "evidence": [{"title": "Policy", "reference": "DMS-1", "owner": "CISO", "collectedOn": "2026-01-31"}]},
                  {"requirement": "A.12.1.1", "status": "PARTIALLY_IMPLEMENTED", "maturity": 1,
                   "inclusionReasons": ["REGULATORY"]}
                ]
                """;
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(good)
                .when().post(path)
                .then().statusCode(200)
                .body("changed", equalTo(2))
                .body("answers.requirementRef", contains("A.5.1", "A.5.37"));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.1")
                .then().body("assessor", equalTo("GRC sync"))
                .body("answeredAt", equalTo("2026-02-01T07:00:00.25Z"))
                .body("evidence[0].owner", equalTo("CISO"));
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.37")
                .then().body("provenance[0].sourceRef", equalTo("A.12.1.1"))
                .body("inclusionReasons", contains("REGULATORY"));

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body("{\"requirement\": \"A.5.1\"}")
                .when().post(path)
                .then().statusCode(400)
                .body("detail", equalTo("body: expected a JSON array of answers"));
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body("[{\"requirement\": ")
                .when().post(path)
                .then().statusCode(400)
                .body("type", equalTo("https://gaplens.io/problems/malformed-body"));
        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body("[]")
                .when().post(path)
                .then().statusCode(400);
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/answers/A.5.2")
                .then().body("maturity", nullValue());
    }

    private static byte[] withBom(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xEF);
        bytes.write(0xBB);
        bytes.write(0xBF);
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
