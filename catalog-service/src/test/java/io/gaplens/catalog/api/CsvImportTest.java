package io.gaplens.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static io.gaplens.catalog.api.CatalogFixtures.CATALOGS;
import static io.gaplens.catalog.api.CatalogFixtures.freshTenant;
import static io.gaplens.catalog.api.CatalogFixtures.importCsv;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class CsvImportTest {

    private static final String GOOD_CSV = """
            ref,parent,kind,assessable,title,guidance
            POL,,GROUP,false,Policies,
            POL-1,POL,CONTROL,true,Policy approval,Check the board minutes.
            POL-2,POL,,,Policy review,"Check the review log, yearly."
            OPS,,GROUP,,Operations,
            OPS-1,OPS,CONTROL,yes,Backups,"Line one
            line two"
            """;

    @Test
    void csvWithBomSemicolonsAndCrlfIsImported() {
        String tenant = freshTenant("csv-bom");
        String admin = TestTokens.forTenant(tenant, "admin");
        String csv = "\uFEFFref;parent;kind;assessable;title;guidance\r\n"
                + "G1;;GROUP;false;Group one;\r\n"
                + "C1;G1;CONTROL;true;\"Access; reviewed\";\"First line\r\nsecond line\"\r\n"
                + "\r\n"
                + "C2;G1;CONTROL;;Logging;Look at the SIEM.\r\n";

        importCsv(admin, "semicolons", "1", csv)
                .statusCode(201)
                .header("Location", endsWith("/api/v1/catalogs/semicolons/versions/1"))
                .body("status", equalTo("DRAFT"))
                .body("shipped", equalTo(false))
                .body("requirementCount", equalTo(3))
                .body("assessableCount", equalTo(2))
                .body("countsByKind.GROUP", equalTo(1))
                .body("countsByKind.CONTROL", equalTo(2));

        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/semicolons/versions/1/requirements/C1")
                .then().statusCode(200)
                .body("title", equalTo("Access; reviewed"))
                .body("guidance", equalTo("First line\r\nsecond line"))
                .body("parent", equalTo("G1"))
                .body("section", equalTo("G1"));
    }

    @Test
    void commaCsvWithQuotedLineBreaksBuildsTree() {
        String tenant = freshTenant("csv-tree");
        String admin = TestTokens.forTenant(tenant, "admin");

        importCsv(admin, "tree", "2024", GOOD_CSV)
                .statusCode(201)
                .body("requirementCount", equalTo(5))
                .body("assessableCount", equalTo(3));

        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/tree/versions/2024/tree")
                .then().statusCode(200)
                .body("ref", contains("POL", "OPS"))
                .body("[0].children.ref", contains("POL-1", "POL-2"))
                .body("[1].children[0].ref", equalTo("OPS-1"));
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/tree/versions/2024/requirements/OPS-1")
                .then().statusCode(200)
                .body("guidance", equalTo("Line one\nline two"));
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/tree/versions/2024/requirements/POL-2")
                .then().statusCode(200)
                .body("kind", equalTo("CONTROL"))
                .body("assessable", equalTo(true))
                .body("excludable", equalTo(true));
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        String tenant = freshTenant("csv-bad");
        String admin = TestTokens.forTenant(tenant, "admin");
        String csv = """
                ref,parent,kind,assessable,title,guidance
                G1,,GROUP,false,Group,
                C1,G1,CONTROL,true,First,
                C1,G1,CONTROL,true,Duplicate,
                C2,NOPE,CONTROL,true,Orphan,
                C3,G1,WIDGET,true,Bad kind,
                C4,G1,CONTROL,maybe,Bad flag,
                C5,G1,CONTROL,true
                C6,G1,CONTROL,true,,
                """;

        importCsv(admin, "broken", "1", csv)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/validation"))
                .body("detail", equalTo("The catalogue has 6 invalid entries; nothing was imported"))
                .body("errors", hasSize(6))
                .body("errors.line", contains(4, 5, 6, 7, 8, 9))
                .body("errors.field", contains("ref", "parent", "kind", "assessable", "row", "title"))
                .body("errors[0].message", equalTo("duplicate reference 'C1'"))
                .body("errors[1].message", equalTo("unknown parent 'NOPE'"))
                .body("errors[4].message", containsString("has 4 cells but the header has 6"));

        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/broken/versions/1")
                .then().statusCode(404);
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() {
        String admin = TestTokens.forTenant(freshTenant("csv-lines"), "admin");
        String csv = "ref,title,guidance\n"
                + "C1,First,\"one\ntwo\nthree\"\n"
                + "C1,Second,\n";

        importCsv(admin, "lines", "1", csv)
                .statusCode(400)
                .body("errors[0].line", equalTo(5))
                .body("errors[0].field", equalTo("ref"));
    }

    @Test
    void emptyFileIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("csv-empty"), "admin");

        importCsv(admin, "empty", "1", "")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("the CSV file is empty"));
        importCsv(admin, "empty", "1", "\uFEFF\r\n\r\n")
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void headerWithoutRowsIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("csv-header"), "admin");

        importCsv(admin, "header-only", "1", "ref,parent,kind,assessable,title,guidance\n")
                .statusCode(400)
                .body("errors[0].field", equalTo("requirements"))
                .body("errors[0].message", equalTo("must contain at least one requirement"));
    }

    @Test
    void unknownColumnAndMissingTitleColumnAreReported() {
        String admin = TestTokens.forTenant(freshTenant("csv-columns"), "admin");

        importCsv(admin, "columns", "1", "ref,parent,colour\nC1,,red\n")
                .statusCode(400)
                .body("errors.field", contains("colour", "title"))
                .body("errors.line", contains(1, 1));
    }

    @Test
    void headerOfUnknownLayoutIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("csv-layout"), "admin");

        importCsv(admin, "layout", "1", "name,colour\nA,red\n")
                .statusCode(400)
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].line", equalTo(1));
    }

    @Test
    void invalidUtf8IsRejected() {
        String admin = TestTokens.forTenant(freshTenant("csv-latin1"), "admin");
        byte[] latin1 = "ref,title\nC1,Sécurité\n".getBytes(StandardCharsets.ISO_8859_1);

        importCsv(admin, "latin", "1", latin1)
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("not valid UTF-8"));
    }

    @Test
    void missingMetadataIsNamed() {
        String admin = TestTokens.forTenant(freshTenant("csv-meta"), "admin");

        given().auth().oauth2(admin)
                .contentType("text/csv")
                .body("ref,title\nC1,One\n")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors.field", contains("catalogId", "version", "title"));
    }

    @Test
    void unsupportedContentTypeAnswers415() {
        String admin = TestTokens.forTenant(freshTenant("csv-415"), "admin");

        given().auth().oauth2(admin)
                .contentType("application/xml")
                .body("<catalog/>")
                .when().post(CATALOGS)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/unsupported-media-type"));
    }

    @Test
    void formatThatContradictsContentTypeIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("csv-format"), "admin");

        given().auth().oauth2(admin)
                .contentType("text/csv")
                .queryParam("format", "oscal")
                .queryParam("catalogId", "x").queryParam("version", "1").queryParam("title", "X")
                .body("ref,title\nC1,One\n")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().auth().oauth2(admin)
                .contentType("text/csv")
                .queryParam("format", "xlsx")
                .body("ref,title\nC1,One\n")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void publishedVersionIsImmutable() {
        String tenant = freshTenant("csv-immutable");
        String admin = TestTokens.forTenant(tenant, "admin");
        importCsv(admin, "frozen", "1", GOOD_CSV).statusCode(201);

        importCsv(admin, "frozen", "1", "ref,title\nONLY,Replaced draft\n")
                .statusCode(201)
                .body("requirementCount", equalTo(1));
        CatalogFixtures.publish(admin, "frozen", "1")
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        importCsv(admin, "frozen", "1", GOOD_CSV)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/conflict"))
                .body("errors[0].field", equalTo("version"));
        CatalogFixtures.publish(admin, "frozen", "1")
                .statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("requirementCount", equalTo(1));
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/frozen/versions/1/requirements/ONLY")
                .then().statusCode(200)
                .body("title", equalTo("Replaced draft"));
    }

    @Test
    void shippedCatalogueCannotBeOverwritten() {
        String admin = TestTokens.forTenant(freshTenant("csv-shipped"), "admin");

        importCsv(admin, "iso-iec-27001", "2030", "ref,title\nC1,One\n")
                .statusCode(409)
                .body("errors[0].field", equalTo("catalogId"));
    }

    @Test
    void onlyAdminImportsAndPublishes() {
        String tenant = freshTenant("csv-roles");
        String admin = TestTokens.forTenant(tenant, "admin");
        importCsv(admin, "roles", "1", GOOD_CSV).statusCode(201);

        importCsv(TestTokens.forTenant(tenant, "assessor"), "roles", "2", GOOD_CSV)
                .statusCode(403)
                .contentType("application/problem+json");
        CatalogFixtures.publish(TestTokens.forTenant(tenant, "assessor"), "roles", "1").statusCode(403);
        given().contentType("text/csv").body(GOOD_CSV)
                .when().post(CATALOGS)
                .then().statusCode(401);
        given().when().post(CATALOGS + "/roles/versions/1/publication").then().statusCode(401);

        for (String role : new String[]{"admin", "assessor", "risk-manager", "remediation-owner", "auditor", "viewer"}) {
            given().auth().oauth2(TestTokens.forTenant(tenant, role))
                    .when().get(CATALOGS + "/roles/versions/1")
                    .then().statusCode(200)
                    .body("requirementCount", equalTo(5));
        }
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/roles/versions/2")
                .then().statusCode(404);
    }

    @Test
    void otherTenantCannotSeeCustomCatalogue() {
        String tenantA = freshTenant("csv-a");
        String tenantB = freshTenant("csv-b");
        importCsv(TestTokens.forTenant(tenantA, "admin"), "private", "1", GOOD_CSV).statusCode(201);
        String viewerB = TestTokens.forTenant(tenantB, "viewer");

        given().auth().oauth2(viewerB)
                .when().get(CATALOGS + "/private/versions/1")
                .then().statusCode(404)
                .body("detail", equalTo("Catalogue private was not found"));
        given().auth().oauth2(viewerB)
                .when().get(CATALOGS + "/private/versions/1/requirements/POL-1")
                .then().statusCode(404);
        CatalogFixtures.publish(TestTokens.forTenant(tenantB, "admin"), "private", "1").statusCode(404);
        given().auth().oauth2(viewerB)
                .when().get(CATALOGS)
                .then().statusCode(200)
                .body("catalogId", contains("iso-iec-27001"));

        importCsv(TestTokens.forTenant(tenantB, "admin"), "private", "1", "ref,title\nB1,Tenant B's own\n")
                .statusCode(201)
                .body("requirementCount", equalTo(1));
        given().auth().oauth2(TestTokens.forTenant(tenantA, "viewer"))
                .when().get(CATALOGS + "/private/versions/1")
                .then().statusCode(200)
                .body("requirementCount", equalTo(5));
    }

    @Test
    void bodyAboveMaxBodySizeAnswers413ProblemDetails() throws Exception {
        String admin = TestTokens.forTenant(freshTenant("csv-413"), "admin");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] row = "C,Row title that pads the file,Guidance that pads the file further\n"
                .getBytes(StandardCharsets.UTF_8);
        body.writeBytes("ref,title,guidance\n".getBytes(StandardCharsets.UTF_8));
        while (body.size() <= 10 * 1024 * 1024) {
            body.writeBytes(row);
        }

        // With "Expect: 100-continue" the server rejects the declared length before the body is sent,
        // so the client reads the 413 instead of failing on a connection the server closed mid-upload.
        // A plain socket makes the request because the JDK 17 HttpClient blocks forever when the final
        // response to "Expect: 100-continue" has a body.
        String head = "POST " + CATALOGS + "?catalogId=huge&version=1&title=Huge HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + RestAssured.port + "\r\n"
                + "Authorization: Bearer " + admin + "\r\n"
                + "Content-Type: text/csv\r\n"
                + "Content-Length: " + body.size() + "\r\n"
                + "Expect: 100-continue\r\n"
                + "Connection: close\r\n\r\n";
        String response;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] parts = response.split("\r\n\r\n", 2);
        assertEquals("HTTP/1.1 413 Request Entity Too Large", parts[0].lines().findFirst().orElse(""));
        assertTrue(parts[0].toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), parts[0]);
        JsonNode problem = new ObjectMapper().readTree(parts[1]);
        assertEquals(413, problem.path("status").asInt());
        assertEquals("https://gaplens.io/problems/payload-too-large", problem.path("type").asText());

        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/huge/versions/1")
                .then().statusCode(404);
    }
}
