package io.gaplens.assessment.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createDraft;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.gaplens.assessment.AssessmentApi.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class AssessmentLifecycleTest {

    @Test
    void creationPinsTheCatalogueRequirements() {
        String tenant = freshTenant();
        String id = createDraft(tenant, 3, """
                {"businessUnits": ["Finance"], "processes": ["Payroll"], "locations": ["Vienna"],
                 "assets": [{"name": "HR database", "criticality": "HIGH"}, {"name": "Intranet", "criticality": "LOW"}],
                 "exclusions": [{"item": "Retail shops", "justification": "Franchise partners run them"}]}
                """);

        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer"))
                .when().get(BASE + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("catalogId", equalTo("iso-iec-27001"))
                .body("catalogVersion", equalTo("2022"))
                .body("assessableCount", equalTo(123))
                .body("targetMaturity", equalTo(3))
                .body("scopeCriticality", equalTo("HIGH"))
                .body("scope.exclusions[0].justification", equalTo("Franchise partners run them"))
                .body("baselineAssessmentId", nullValue());

        given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/requirements")
                .then().statusCode(200)
                .body("", hasSize(123))
                .body("findAll { it.kind == 'CLAUSE' }", hasSize(30))
                .body("findAll { it.kind == 'CONTROL' }", hasSize(93))
                .body("find { it.ref == 'A.5.15' }.group", equalTo("A.5"))
                .body("find { it.ref == 'A.5.15' }.excludable", equalTo(true))
                .body("find { it.ref == '6.1.2' }.group", equalTo("6"))
                .body("find { it.ref == '6.1.2' }.excludable", equalTo(false));
    }

    @Test
    void unknownCatalogueIsRejectedNamingIdAndVersion() {
        given().auth().oauth2(assessor(freshTenant())).contentType(ContentType.JSON)
                .body("""
                        {"name": "x", "catalogId": "no-such-catalogue", "catalogVersion": "2022"}
                        """)
                .when().post(BASE)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("catalogId"))
                .body("errors[1].field", equalTo("catalogVersion"))
                .body("detail", equalTo("Catalogue no-such-catalogue version 2022 was not found in the catalogue service"));
    }

    @Test
    void lifecycleAllowsOnlyForwardTransitions() {
        String tenant = freshTenant();
        String id = createDraft(tenant, 2, null);

        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/complete")
                .then().statusCode(409).body("errors[0].field", equalTo("status"));
        start(tenant, id);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/start")
                .then().statusCode(409);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/archive")
                .then().statusCode(409);
        answerOk(tenant, id, "A.5.1", "IMPLEMENTED", 3);
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/archive")
                .then().statusCode(200).body("status", equalTo("ARCHIVED"));
        given().auth().oauth2(assessor(tenant)).when().post(BASE + "/" + id + "/start")
                .then().statusCode(409);

        given().auth().oauth2(assessor(tenant)).queryParam("status", "ARCHIVED")
                .when().get(BASE)
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.id", hasItem(id));
    }
}
