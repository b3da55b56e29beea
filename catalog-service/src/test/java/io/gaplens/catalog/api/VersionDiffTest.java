package io.gaplens.catalog.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.gaplens.catalog.api.CatalogFixtures.CATALOGS;
import static io.gaplens.catalog.api.CatalogFixtures.freshTenant;
import static io.gaplens.catalog.api.CatalogFixtures.importCsv;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class VersionDiffTest {

    private static final String VERSION_1 = """
            ref,parent,kind,assessable,title,guidance
            G1,,GROUP,false,Governance,
            G2,,GROUP,false,Operations,
            C1,G1,CONTROL,true,Policy,Check approval.
            C2,G1,CONTROL,true,Roles,Check the RACI.
            C3,G2,CONTROL,true,Backups,Check restores.
            C4,G2,CONTROL,true,Logging,Check the SIEM.
            """;

    private static final String VERSION_2 = """
            ref,parent,kind,assessable,title,guidance
            G1,,GROUP,false,Governance,
            G2,,GROUP,false,Operations,
            C1,G1,CONTROL,true,Policy,Check approval.
            C2,G2,CONTROL,true,Roles and duties,Check the RACI.
            C3,G2,CONTROL,false,Backups,Check restore tests.
            C5,G2,CONTROL,true,Monitoring,Check alert triage.
            """;

    @Test
    void diffListsAddedRemovedAndChangedFields() {
        String tenant = freshTenant("diff");
        String admin = TestTokens.forTenant(tenant, "admin");
        importCsv(admin, "evolving", "1", VERSION_1).statusCode(201);
        CatalogFixtures.publish(admin, "evolving", "1").statusCode(200);
        importCsv(admin, "evolving", "2", VERSION_2).statusCode(201);

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .queryParam("from", "1").queryParam("to", "2")
                .when().get(CATALOGS + "/evolving/diff")
                .then().statusCode(200)
                .body("catalogId", equalTo("evolving"))
                .body("addedCount", equalTo(1))
                .body("removedCount", equalTo(1))
                .body("changedCount", equalTo(2))
                .body("added.ref", contains("C5"))
                .body("removed.ref", contains("C4"))
                .body("changed.ref", contains("C2", "C3"))
                .body("changed[0].fields", contains("title", "parent"))
                .body("changed[0].from.title", equalTo("Roles"))
                .body("changed[0].to.title", equalTo("Roles and duties"))
                .body("changed[1].fields", contains("guidance", "assessable"));
    }

    @Test
    void diffOfIdenticalVersionsIsEmpty() {
        String admin = TestTokens.forTenant(freshTenant("diff-same"), "admin");
        importCsv(admin, "steady", "1", VERSION_1).statusCode(201);
        importCsv(admin, "steady", "1.1", VERSION_1).statusCode(201);

        given().auth().oauth2(admin)
                .queryParam("from", "1").queryParam("to", "1.1")
                .when().get(CATALOGS + "/steady/diff")
                .then().statusCode(200)
                .body("addedCount", equalTo(0))
                .body("removedCount", equalTo(0))
                .body("changedCount", equalTo(0))
                .body("changed", hasSize(0));
    }

    @Test
    void shippedEditionsDiffByReference() {
        given().auth().oauth2(TestTokens.forTenant(freshTenant("diff-iso"), "viewer"))
                .queryParam("from", "2013").queryParam("to", "2022")
                .when().get(CATALOGS + "/iso-iec-27001/diff")
                .then().statusCode(200)
                .body("changed.find { it.ref == '10.1' }.fields", contains("title", "guidance"))
                .body("added.ref", hasItem("6.3"))
                .body("removed.ref", hasItem("A.18.2.3"));
    }

    @Test
    void diffRejectsMissingOrUnknownVersions() {
        String admin = TestTokens.forTenant(freshTenant("diff-bad"), "admin");
        importCsv(admin, "lonely", "1", VERSION_1).statusCode(201);

        given().auth().oauth2(admin)
                .queryParam("to", "1")
                .when().get(CATALOGS + "/lonely/diff")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(admin)
                .queryParam("from", "1")
                .when().get(CATALOGS + "/lonely/diff")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(admin)
                .queryParam("from", "1").queryParam("to", "9")
                .when().get(CATALOGS + "/lonely/diff")
                .then().statusCode(404)
                .body("detail", equalTo("Version 9 of catalogue lonely was not found"));
        given().auth().oauth2(TestTokens.forTenant(freshTenant("diff-stranger"), "viewer"))
                .queryParam("from", "1").queryParam("to", "1")
                .when().get(CATALOGS + "/lonely/diff")
                .then().statusCode(404);
    }
}
