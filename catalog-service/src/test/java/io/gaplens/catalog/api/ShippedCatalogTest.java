package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class ShippedCatalogTest {

    private static final String VIEWER = TestTokens.forTenant("acme", "viewer");
    private static final String V2022 = "/api/v1/catalogs/iso-iec-27001/versions/2022";
    private static final String V2013 = "/api/v1/catalogs/iso-iec-27001/versions/2013";

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
}
