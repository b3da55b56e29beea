package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.gaplens.catalog.api.CatalogFixtures.CATALOGS;
import static io.gaplens.catalog.api.CatalogFixtures.freshTenant;
import static io.gaplens.catalog.api.CatalogFixtures.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class InternalControlsTest {

    private static final String CONTROLS = "/samples/internal-controls.csv";
    private static final String MAPPING = "/samples/internal-control-mapping.csv";
    private static final String SAMPLE = CATALOGS + "/harbourline-controls/versions/2026.1";

    @Test
    void grcExportBecomesCatalogueGroupedByPolicy() {
        String admin = TestTokens.forTenant(freshTenant("ic-import"), "admin");

        importControls(admin)
                .statusCode(201)
                .body("requirementCount", equalTo(31))
                .body("assessableCount", equalTo(23))
                .body("countsByKind.GROUP", equalTo(8))
                .body("countsByKind.CONTROL", equalTo(23));

        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/tree")
                .then().statusCode(200)
                .body("ref", contains("policy-information-security-policy", "policy-access-control-policy",
                        "policy-asset-management-policy", "policy-operations-security-policy",
                        "policy-supplier-security-policy", "policy-hr-security-policy",
                        "policy-business-continuity-policy", "policy-physical-security-policy"))
                .body("[0].title", equalTo("Information Security Policy"))
                .body("[0].children.ref", contains("ISP-01", "ISP-02", "ISP-03", "ISP-04", "GOV-01"));
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/OPS-04")
                .then().statusCode(200)
                .body("title", equalTo("Centralised logging and monitoring"))
                .body("parent", equalTo("policy-operations-security-policy"))
                .body("guidance", equalTo("Security logs of servers, firewalls and the identity provider go to the "
                        + "SIEM; alerts are triaged within one hour.\n\nAudit methodology: 1. Check log sources in "
                        + "the SIEM against the inventory.\n2. Sample ten alerts, with their triage times."));
    }

    @Test
    void mappingImportResolvesKnownFrameworksAndKeepsLabels() {
        String admin = TestTokens.forTenant(freshTenant("ic-mapping"), "admin");
        importControls(admin).statusCode(201);

        importMapping(admin, resource(MAPPING))
                .statusCode(200)
                .body("mappingCount", equalTo(77))
                .body("mappedControlCount", equalTo(21))
                .body("controlsWithoutMapping", contains("GOV-01", "FAC-01"))
                .body("frameworks.column", contains("ISO 27001:2022", "ISO 27002:2022", "NIST CSF 2.0"))
                .body("frameworks.framework", contains("ISO/IEC 27001:2022", "ISO/IEC 27002:2022", "NIST CSF 2.0"))
                .body("frameworks.targetCatalog", contains("iso-iec-27001", "iso-iec-27001", null))
                .body("frameworks.targetVersion", contains("2022", "2022", null))
                .body("frameworks.mappingCount", contains(41, 17, 19));

        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ACP-03/mappings")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].targetRef", equalTo("A.5.18"))
                .body("[0].targetCatalog", equalTo("iso-iec-27001"))
                .body("[0].relationship", equalTo("intersects-with"))
                .body("[1].targetFramework", equalTo("NIST CSF 2.0"))
                .body("[1].targetRef", equalTo("PR.AA-05"))
                .body("[1].targetCatalog", nullValue())
                .body("[1].targetVersion", nullValue());
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ACP-02/mappings")
                .then().statusCode(200)
                .body("targetRef", contains("A.8.18", "A.8.2", "A.8.2", "PR.AA-05"))
                .body("targetFramework", contains("ISO/IEC 27001:2022", "ISO/IEC 27001:2022", "ISO/IEC 27002:2022",
                        "NIST CSF 2.0"));
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/HRS-02/mappings")
                .then().statusCode(200)
                .body("targetRef", hasItem("7.3"))
                .body("targetRef", hasItem("A.6.3"));
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ISP-04/mappings")
                .then().statusCode(200)
                .body("targetRef", contains("9.2", "9.2.1", "9.2.2", "A.5.35", "ID.IM-02"));
    }

    @Test
    void incomingMappingVisibleToOwnTenant() {
        String tenant = freshTenant("ic-incoming");
        String admin = TestTokens.forTenant(tenant, "admin");
        importControls(admin).statusCode(201);
        importMapping(admin, resource(MAPPING)).statusCode(200);

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(CATALOGS + "/iso-iec-27001/versions/2022/requirements/A.5.18/mappings")
                .then().statusCode(200)
                .body("", hasSize(6))
                .body("findAll { it.sourceCatalog == 'harbourline-controls' }.sourceRef",
                        containsInAnyOrder("ACP-01", "ACP-01", "ACP-03"))
                .body("findAll { it.sourceCatalog == 'iso-iec-27001' }.sourceRef",
                        containsInAnyOrder("A.9.2.2", "A.9.2.5", "A.9.2.6"))
                .body("direction", everyItem(equalTo("INCOMING")));
        given().auth().oauth2(TestTokens.forTenant(freshTenant("ic-other"), "auditor"))
                .when().get(CATALOGS + "/iso-iec-27001/versions/2022/requirements/A.5.18/mappings")
                .then().statusCode(200)
                .body("sourceCatalog", not(hasItem("harbourline-controls")));
    }

    @Test
    void coverageOfAnnexAHasExactCounts() {
        String tenant = freshTenant("ic-coverage");
        String admin = TestTokens.forTenant(tenant, "admin");
        importControls(admin).statusCode(201);
        importMapping(admin, resource(MAPPING)).statusCode(200);

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("annexA", "true")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("sourceCatalog", equalTo("harbourline-controls"))
                .body("targetCatalog", equalTo("iso-iec-27001"))
                .body("targetVersion", equalTo("2022"))
                .body("sections", contains("A.5", "A.6", "A.7", "A.8"))
                .body("targetRequirementCount", equalTo(93))
                .body("coveredCount", equalTo(32))
                .body("uncoveredCount", equalTo(61))
                .body("bySection.targetRequirementCount", contains(37, 8, 14, 34))
                .body("bySection.coveredCount", contains(18, 2, 2, 10))
                .body("bySection.uncoveredCount", contains(19, 6, 12, 24))
                .body("covered", hasSize(32))
                .body("uncovered", hasSize(61))
                .body("covered.find { it.ref == 'A.5.18' }.sourceRefs", contains("ACP-01", "ACP-03"))
                .body("covered.find { it.ref == 'A.8.2' }.sourceRefs", contains("ACP-02"))
                .body("uncovered.ref", hasItem("A.5.7"))
                .body("uncovered.ref", not(hasItem("A.5.23")))
                .body("sourceControlsWithoutMapping", contains("GOV-01", "FAC-01"));
    }

    @Test
    void coverageOfWholeStandardAndOfSections() {
        String tenant = freshTenant("ic-sections");
        String admin = TestTokens.forTenant(tenant, "admin");
        importControls(admin).statusCode(201);
        importMapping(admin, resource(MAPPING)).statusCode(200);

        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("targetRequirementCount", equalTo(123))
                .body("coveredCount", equalTo(40))
                .body("uncoveredCount", equalTo(83))
                .body("covered.ref", not(hasItem("9.2")))
                .body("covered.find { it.ref == '9.2.1' }.sourceRefs", contains("ISP-04"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "9", "A.6")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("sections", contains("9", "A.6"))
                .body("targetRequirementCount", equalTo(14))
                .body("coveredCount", equalTo(7))
                .body("uncovered.ref", contains("9.1", "A.6.2", "A.6.4", "A.6.5", "A.6.6", "A.6.7", "A.6.8"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "A.5,A.8")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("targetRequirementCount", equalTo(71))
                .body("coveredCount", equalTo(28));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "A.6..A.8")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("sections", contains("A.6", "A.7", "A.8"))
                .body("targetRequirementCount", equalTo(56))
                .body("coveredCount", equalTo(14));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "9..10")
                .queryParam("annexA", "true")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("sections", hasSize(0))
                .body("targetRequirementCount", equalTo(0));
    }

    @Test
    void replacedDraftDropsMappingsOfRemovedControls() {
        String admin = TestTokens.forTenant(freshTenant("ic-redraft"), "admin");
        importControls(admin).statusCode(201);
        importMapping(admin, resource(MAPPING)).statusCode(200);
        String withoutAcp03 = new String(resource(CONTROLS), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.startsWith("\"ACP-03\""))
                .collect(java.util.stream.Collectors.joining("\r\n"));

        given().auth().oauth2(admin)
                .contentType("text/csv")
                .queryParam("catalogId", "harbourline-controls").queryParam("version", "2026.1")
                .queryParam("title", "Harbourline Logistics internal controls")
                .body(withoutAcp03)
                .when().post(CATALOGS)
                .then().statusCode(201)
                .body("assessableCount", equalTo(22));

        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022").queryParam("annexA", "true")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("coveredCount", equalTo(32))
                .body("covered.find { it.ref == 'A.5.18' }.sourceRefs", contains("ACP-01"));
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/iso-iec-27001/versions/2022/requirements/A.5.18/mappings")
                .then().statusCode(200)
                .body("sourceRef", not(hasItem("ACP-03")));
    }

    @Test
    void coverageRejectsBadParameters() {
        String tenant = freshTenant("ic-coverage-bad");
        String admin = TestTokens.forTenant(tenant, "admin");
        importControls(admin).statusCode(201);

        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("target"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("target"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2099")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(404);
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "A.9")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("section"))
                .body("errors[0].message", containsString("unknown section 'A.9'"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "A.8..A.5")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("section"))
                .body("errors[0].message", equalTo("the range A.8..A.5 is reversed; write the earlier section first"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("section", "A.5..A.18")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].message", containsString("unknown section 'A.18'"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .queryParam("annexA", "yes please")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("annexA"));
        given().auth().oauth2(admin)
                .queryParam("target", "iso-iec-27001:2022")
                .when().get(SAMPLE + "/coverage")
                .then().statusCode(200)
                .body("coveredCount", equalTo(0))
                .body("uncoveredCount", equalTo(123));
    }

    @Test
    void unknownReferencesAreReportedWithLineAndColumn() {
        String admin = TestTokens.forTenant(freshTenant("ic-bad-refs"), "admin");
        importControls(admin).statusCode(201);
        String csv = "Control ID,ISO 27001:2022,ISO 27002:2022,SOC 2\n"
                + "ISP-01,\"5.2, A.5.99\",5.1,CC1.1\n"
                + "ACP-01,11.1,9.4,\n"
                + "NOPE-1,5.2,,\n"
                + "ISP-01,5.3,,\n"
                + "ACP-02,\"A.8.2\"\n";

        importMapping(admin, csv.getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("detail", equalTo("The mapping file has 6 invalid entries; nothing was imported"))
                .body("errors.line", contains(2, 3, 3, 4, 5, 6))
                .body("errors.field", contains("ISO 27001:2022", "ISO 27001:2022", "ISO 27002:2022", "Control ID",
                        "Control ID", "row"))
                .body("errors[0].message", equalTo("unknown reference 'A.5.99' in ISO/IEC 27001:2022 (column 2)"))
                .body("errors[2].message", equalTo("unknown reference '9.4' in ISO/IEC 27002:2022 (column 3)"))
                .body("errors[3].message", containsString("unknown control 'NOPE-1'"))
                .body("errors[4].message", containsString("its first row is on line 2"));

        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ISP-01/mappings")
                .then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void failedMappingImportKeepsThePreviousMapping() {
        String admin = TestTokens.forTenant(freshTenant("ic-atomic"), "admin");
        importControls(admin).statusCode(201);
        importMapping(admin, resource(MAPPING)).statusCode(200);

        importMapping(admin, "Control ID,ISO 27001:2022\nISP-01,A.5.1\nISP-02,A.5.0\n"
                .getBytes(StandardCharsets.UTF_8))
                .statusCode(400);
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ISP-01/mappings")
                .then().statusCode(200)
                .body("", hasSize(4));

        importMapping(admin, "\uFEFFControl ID;ISO/IEC 27001:2022\r\nISP-01;A.5.1\r\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(200)
                .body("mappingCount", equalTo(1));
        given().auth().oauth2(admin)
                .when().get(SAMPLE + "/requirements/ISP-01/mappings")
                .then().statusCode(200)
                .body("targetRef", contains("A.5.1"));
    }

    @Test
    void mappingWithoutControlIdColumnIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("ic-no-id"), "admin");
        importControls(admin).statusCode(201);

        importMapping(admin, "Reference,ISO 27001:2022\nISP-01,A.5.1\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("errors[0].field", equalTo("Control ID"))
                .body("errors[0].line", equalTo(1));
        importMapping(admin, new byte[0])
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void mappingImportNeedsAdminAndOwnCatalogue() {
        String tenant = freshTenant("ic-roles");
        String admin = TestTokens.forTenant(tenant, "admin");
        importControls(admin).statusCode(201);
        byte[] mapping = resource(MAPPING);

        importMapping(TestTokens.forTenant(tenant, "assessor"), mapping).statusCode(403);
        given().contentType("text/csv").body(mapping)
                .when().post(SAMPLE + "/mappings")
                .then().statusCode(401);
        importMapping(TestTokens.forTenant(freshTenant("ic-stranger"), "admin"), mapping).statusCode(404);
        given().auth().oauth2(admin)
                .contentType("text/csv").body(mapping)
                .when().post(CATALOGS + "/iso-iec-27001/versions/2013/mappings")
                .then().statusCode(409);
        given().auth().oauth2(admin)
                .contentType("application/json").body("{}")
                .when().post(SAMPLE + "/mappings")
                .then().statusCode(415);
    }

    @Test
    void missingTitleColumnOfInternalControlsIsReported() {
        String admin = TestTokens.forTenant(freshTenant("ic-no-title"), "admin");

        given().auth().oauth2(admin)
                .contentType("text/csv")
                .queryParam("format", "internal-controls")
                .queryParam("catalogId", "no-title").queryParam("version", "1").queryParam("title", "No title")
                .body("Control ID,Description\nC-1,Something\n")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("Title"))
                .body("errors[0].line", equalTo(1));
    }

    private static ValidatableResponse importControls(String admin) {
        return given().auth().oauth2(admin)
                .contentType("text/csv")
                .queryParam("catalogId", "harbourline-controls")
                .queryParam("version", "2026.1")
                .queryParam("title", "Harbourline Logistics internal controls")
                .queryParam("publisher", "Harbourline Logistics")
                .body(resource(CONTROLS))
                .when().post(CATALOGS)
                .then();
    }

    private static ValidatableResponse importMapping(String admin, byte[] csv) {
        return given().auth().oauth2(admin)
                .contentType("text/csv")
                .body(csv)
                .when().post(SAMPLE + "/mappings")
                .then();
    }
}
