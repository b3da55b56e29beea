package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.gaplens.catalog.api.CatalogFixtures.CATALOGS;
import static io.gaplens.catalog.api.CatalogFixtures.freshTenant;
import static io.gaplens.catalog.api.CatalogFixtures.resource;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class OscalImportTest {

    private static final String OSCAL_CATALOG = "/samples/oscal-catalog.json";

    @Test
    void oscalCatalogBecomesGroupsAndControls() {
        String admin = TestTokens.forTenant(freshTenant("oscal"), "admin");

        given().auth().oauth2(admin)
                .contentType("application/vnd.oscal+json")
                .queryParam("catalogId", "cloud-baseline")
                .body(resource(OSCAL_CATALOG))
                .when().post(CATALOGS)
                .then().statusCode(201)
                .body("version", equalTo("1.2"))
                .body("title", equalTo("Cloud Security Baseline"))
                .body("requirementCount", equalTo(8))
                .body("assessableCount", equalTo(5))
                .body("countsByKind.GROUP", equalTo(3))
                .body("countsByKind.CONTROL", equalTo(5));

        String version = CATALOGS + "/cloud-baseline/versions/1.2";
        given().auth().oauth2(admin)
                .when().get(version + "/tree")
                .then().statusCode(200)
                .body("ref", contains("iam", "ops"))
                .body("[0].children.ref", contains("iam-1", "iam-2", "iam-keys"))
                .body("[0].children[1].children.ref", contains("iam-2.1"))
                .body("[0].children[2].children.ref", contains("iam-3"))
                .body("[1].children.ref", contains("ops-1"));
        given().auth().oauth2(admin)
                .when().get(version + "/requirements/iam-2.1")
                .then().statusCode(200)
                .body("kind", equalTo("CONTROL"))
                .body("parent", equalTo("iam-2"))
                .body("section", equalTo("iam"))
                .body("title", equalTo("Hardware keys for administrators"));
        given().auth().oauth2(admin)
                .when().get(version + "/requirements/iam-1")
                .then().statusCode(200)
                .body("guidance", equalTo("Every account belongs to exactly one named person.\n\n"
                        + "Shared accounts are listed with an owner.\n\n"
                        + "Compare the directory export with the HR roster."));
        given().auth().oauth2(admin)
                .when().get(version + "/requirements/iam-9")
                .then().statusCode(404);
    }

    @Test
    void formatParameterReadsOscalFromPlainJson() {
        String admin = TestTokens.forTenant(freshTenant("oscal-param"), "admin");

        given().auth().oauth2(admin)
                .contentType("application/json")
                .queryParam("format", "oscal")
                .queryParam("catalogId", "cloud-baseline")
                .queryParam("version", "override-1")
                .queryParam("title", "Renamed baseline")
                .body(resource(OSCAL_CATALOG))
                .when().post(CATALOGS)
                .then().statusCode(201)
                .body("version", equalTo("override-1"))
                .body("title", equalTo("Renamed baseline"))
                .body("requirementCount", equalTo(8));
    }

    @Test
    void documentWithoutCatalogIsRejected() {
        String admin = TestTokens.forTenant(freshTenant("oscal-bad"), "admin");

        given().auth().oauth2(admin)
                .contentType("application/vnd.oscal+json")
                .queryParam("catalogId", "broken")
                .body("{\"profile\": {}}")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("catalog"));
    }

    @Test
    void controlWithoutIdAndDuplicateIdsAreReported() {
        String admin = TestTokens.forTenant(freshTenant("oscal-ids"), "admin");
        String oscal = """
                {"catalog": {"uuid": "4b0f7c0e-3f7e-4d8e-9d55-0a6f2f1f0a11",
                  "metadata": {"title": "Broken", "version": "1", "oscal-version": "1.1.2"},
                  "groups": [{"id": "g", "title": "Group",
                    "controls": [{"id": "c-1", "title": "One"}, {"title": "No id"}, {"id": "c-1", "title": "Again"}]}]}}
                """;

        given().auth().oauth2(admin)
                .contentType("application/vnd.oscal+json")
                .queryParam("catalogId", "broken-ids")
                .body(oscal)
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("errors.field", contains("catalog.groups[0].controls[1].id", "requirements[2].ref",
                        "requirements[3].ref"))
                .body("errors[2].message", equalTo("duplicate reference 'c-1'"));
        given().auth().oauth2(admin)
                .when().get(CATALOGS + "/broken-ids/versions/1")
                .then().statusCode(404);
    }

    @Test
    void malformedJsonNamesThePosition() {
        String admin = TestTokens.forTenant(freshTenant("oscal-syntax"), "admin");

        given().auth().oauth2(admin)
                .contentType("application/vnd.oscal+json")
                .queryParam("catalogId", "syntax")
                .body("{\"catalog\": {")
                .when().post(CATALOGS)
                .then().statusCode(400)
                .body("type", equalTo("https://gaplens.io/problems/malformed-body"));
    }
}
