package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class ShippedCatalogTest {

    private static final String VIEWER = TestTokens.forTenant("acme", "viewer");
    private static final String V2022 = "/api/v1/catalogs/iso-iec-27001/versions/2022";
    private static final String V2013 = "/api/v1/catalogs/iso-iec-27001/versions/2013";

    @Test
    void catalogueListNamesTheStandardWithoutAnEdition() {
        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/catalogs")
                .then().statusCode(200)
                .body("find { it.catalogId == 'iso-iec-27001' }.title",
                        equalTo("ISO/IEC 27001 Information security management systems"))
                .body("find { it.catalogId == 'iso-iec-27001' }.versions.title", containsInAnyOrder(
                        "ISO/IEC 27001:2022 Information security management systems",
                        "ISO/IEC 27001:2013 Information security management systems"));
    }

    @Test
    void edition2022HasThirtyClauseRequirementsAndNinetyThreeControls() {
        given().auth().oauth2(VIEWER)
                .when().get(V2022)
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("shipped", equalTo(true))
                .body("assessableCount", equalTo(123))
                .body("countsByKind.CONTROL", equalTo(93))
                .body("countsByKind.THEME", equalTo(4))
                .body("countsByKind.CLAUSE", equalTo(41));

        given().auth().oauth2(VIEWER)
                .queryParam("kind", "CLAUSE").queryParam("assessable", "true")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(30));
    }

    @Test
    void annexAThemesHoldTheirControlCounts() {
        int[][] expected = {{5, 37}, {6, 8}, {7, 14}, {8, 34}};
        for (int[] theme : expected) {
            given().auth().oauth2(VIEWER)
                    .queryParam("section", "A." + theme[0]).queryParam("kind", "CONTROL")
                    .when().get(V2022 + "/requirements")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(theme[1]));
        }
    }

    @Test
    void edition2013Has114ControlsInFourteenDomains() {
        given().auth().oauth2(VIEWER)
                .when().get(V2013)
                .then().statusCode(200)
                .body("countsByKind.CONTROL", equalTo(114))
                .body("countsByKind.DOMAIN", equalTo(14));
    }

    @Test
    void referenceWithoutPrefixFindsAnnexAControl() {
        given().auth().oauth2(VIEWER)
                .when().get(V2022 + "/requirements/5.15")
                .then().statusCode(200)
                .body("ref", equalTo("A.5.15"))
                .body("title", equalTo("Access control"))
                .body("excludable", equalTo(true));

        given().auth().oauth2(VIEWER)
                .when().get(V2022 + "/requirements/6.1.2")
                .then().statusCode(200)
                .body("kind", equalTo("CLAUSE"))
                .body("excludable", equalTo(false));
    }

    @Test
    void mapping2013AccessRightsFindsItsSuccessor() {
        given().auth().oauth2(VIEWER)
                .when().get(V2013 + "/requirements/A.9.2.3/mappings")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].direction", equalTo("OUTGOING"))
                .body("[0].targetRef", equalTo("A.8.2"));

        given().auth().oauth2(VIEWER)
                .when().get(V2022 + "/requirements/A.8.2/mappings")
                .then().statusCode(200)
                .body("direction", hasItems("INCOMING"))
                .body("sourceRef", hasItems("A.9.2.3"));
    }

    @Test
    void requestWithoutTokenIsRejected() {
        given()
                .when().get(V2022)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/unauthorized"));
    }

    @Test
    void unknownCatalogueAnswersNotFoundProblem() {
        given().auth().oauth2(VIEWER)
                .when().get("/api/v1/catalogs/no-such-catalog/versions/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("Catalogue no-such-catalog was not found"));
    }

    @Test
    void malformedPageSizeNamesTheParameter() {
        given().auth().oauth2(VIEWER)
                .queryParam("size", "lots")
                .when().get(V2022 + "/requirements")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void edition2022SplitsGroupingNodesFromAssessableRequirements() {
        given().auth().oauth2(VIEWER)
                .queryParam("assessable", "false").queryParam("size", "50")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(15))
                .body("items.ref", contains("4", "5", "6", "6.1", "7", "7.5", "8", "9", "9.2", "9.3", "10",
                        "A.5", "A.6", "A.7", "A.8"));
        given().auth().oauth2(VIEWER)
                .queryParam("assessable", "true").queryParam("kind", "CONTROL")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(93));
        given().auth().oauth2(VIEWER)
                .queryParam("kind", "CLAUSE").queryParam("assessable", "true").queryParam("size", "50")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("items.ref", contains("4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2",
                        "6.1.3", "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "8.1", "8.2",
                        "8.3", "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"))
                .body("items.excludable", everyItem(equalTo(false)));
    }

    @Test
    void edition2013DomainsHoldTheirControlCounts() {
        given().auth().oauth2(VIEWER)
                .when().get(V2013)
                .then().statusCode(200)
                .body("requirementCount", equalTo(198))
                .body("assessableCount", equalTo(140))
                .body("countsByKind.CATEGORY", equalTo(35))
                .body("countsByKind.CLAUSE", equalTo(35));
        given().auth().oauth2(VIEWER)
                .queryParam("kind", "CLAUSE").queryParam("assessable", "true")
                .when().get(V2013 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(26));

        int[][] expected = {{5, 2}, {6, 7}, {7, 6}, {8, 10}, {9, 14}, {10, 2}, {11, 15}, {12, 14}, {13, 7},
                {14, 13}, {15, 5}, {16, 7}, {17, 4}, {18, 8}};
        for (int[] domain : expected) {
            given().auth().oauth2(VIEWER)
                    .queryParam("section", "A." + domain[0]).queryParam("kind", "CONTROL")
                    .when().get(V2013 + "/requirements")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(domain[1]));
        }
    }

    @Test
    void mappingCoverageRulesHoldBothWays() {
        given().auth().oauth2(VIEWER)
                .queryParam("target", "iso-iec-27001:2022").queryParam("annexA", "true")
                .when().get(V2013 + "/coverage")
                .then().statusCode(200)
                .body("targetRequirementCount", equalTo(93))
                .body("coveredCount", equalTo(82))
                .body("uncoveredCount", equalTo(11))
                .body("uncovered.ref", contains("A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11",
                        "A.8.12", "A.8.16", "A.8.23", "A.8.28"))
                .body("covered.sourceRefs.flatten().unique().size()", equalTo(114))
                .body("sourceControlsWithoutMapping", hasSize(26))
                .body("sourceControlsWithoutMapping", everyItem(not(startsWith("A."))));

        given().auth().oauth2(VIEWER)
                .queryParam("kind", "CONTROL").queryParam("size", "100")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("items.findAll { it.newInVersion }.ref", contains("A.5.7", "A.5.23", "A.5.30", "A.7.4",
                        "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28"));
    }

    @Test
    void newControlHasNoPredecessor() {
        given().auth().oauth2(VIEWER)
                .when().get(V2022 + "/requirements/A.5.23/mappings")
                .then().statusCode(200)
                .body("", hasSize(0));
        given().auth().oauth2(VIEWER)
                .when().get(V2013 + "/requirements/A.18.2.3/mappings")
                .then().statusCode(200)
                .body("targetRef", contains("A.5.36", "A.8.8"))
                .body("relationship", everyItem(equalTo("intersects-with")));
    }

    @Test
    void textSearchMatchesTitleAndReference() {
        given().auth().oauth2(VIEWER)
                .queryParam("q", "CRYPTOGRAPH")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("items.ref", contains("A.5.31", "A.8.24"));
        given().auth().oauth2(VIEWER)
                .queryParam("q", "secure coding").queryParam("section", "A.8")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].ref", equalTo("A.8.28"));
        given().auth().oauth2(VIEWER)
                .queryParam("q", "100%_")
                .when().get(V2022 + "/requirements")
                .then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void attributeFilterSelectsControlsOfCustomCatalogue() {
        String tenant = "attributes-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.forTenant(tenant, "admin");
        String document = """
                {"catalogId": "with-attributes", "version": "1", "title": "Attributes", "publisher": "Test",
                 "requirements": [
                  {"ref": "T", "parent": null, "kind": "GROUP", "assessable": false, "title": "Theme"},
                  {"ref": "T.1", "parent": "T", "kind": "CONTROL", "assessable": true, "title": "Firewall",
                   "guidance": "Check rules.", "attributes": {"controlType": ["preventive"],
                   "securityProperties": ["confidentiality", "integrity"]}},
                  {"ref": "T.2", "parent": "T", "kind": "CONTROL", "assessable": true, "title": "Log review",
                   "guidance": "Check reviews.", "attributes": {"controlType": ["detective"]}},
                  {"ref": "T.3", "parent": "T", "kind": "CONTROL", "assessable": true, "title": "Restore",
                   "guidance": "Check tests.", "attributes": {"controlType": ["corrective"],
                   "securityProperties": ["availability", "integrity"]}}
                 ]}
                """;
        given().auth().oauth2(admin)
                .contentType("application/json").body(document)
                .when().post("/api/v1/catalogs")
                .then().statusCode(201);

        String requirements = "/api/v1/catalogs/with-attributes/versions/1/requirements";
        given().auth().oauth2(admin)
                .queryParam("attribute", "controlType:detective")
                .when().get(requirements)
                .then().statusCode(200)
                .body("items.ref", contains("T.2"));
        given().auth().oauth2(admin)
                .queryParam("attribute", "securityProperties:integrity")
                .when().get(requirements)
                .then().statusCode(200)
                .body("items.ref", contains("T.1", "T.3"))
                .body("items[0].attributes.securityProperties", containsInAnyOrder("confidentiality", "integrity"));
        given().auth().oauth2(admin)
                .queryParam("attribute", "securityProperties:integrity").queryParam("q", "restore")
                .when().get(requirements)
                .then().statusCode(200)
                .body("items.ref", contains("T.3"));
        given().auth().oauth2(admin)
                .queryParam("attribute", "colour:blue")
                .when().get(requirements)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("attribute"));
        given().auth().oauth2(admin)
                .queryParam("attribute", "controlType")
                .when().get(requirements)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("attribute"));
    }

    @Test
    void jsonImportReportsFieldPaths() {
        String admin = TestTokens.forTenant("json-" + java.util.UUID.randomUUID().toString().substring(0, 8), "admin");
        String document = """
                {"catalogId": "Bad Id", "version": "1", "title": "Broken",
                 "requirements": [
                  {"ref": "A", "parent": "Z", "kind": "CONTROL", "assessable": true, "title": "One"},
                  {"ref": "A", "parent": null, "kind": "THING", "assessable": true, "title": ""}
                 ]}
                """;
        given().auth().oauth2(admin)
                .contentType("application/json").body(document)
                .when().post("/api/v1/catalogs")
                .then().statusCode(400)
                .body("errors.field", contains("catalogId", "requirements[1].ref", "requirements[1].title",
                        "requirements[1].kind", "requirements[0].parent"));
        given().auth().oauth2(admin)
                .contentType("application/json").body("{\"catalogId\": \"x\", \"requirements\": \"none\"}")
                .when().post("/api/v1/catalogs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("requirements"));
        given().auth().oauth2(admin)
                .contentType("application/json").body("")
                .when().post("/api/v1/catalogs")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }
}
