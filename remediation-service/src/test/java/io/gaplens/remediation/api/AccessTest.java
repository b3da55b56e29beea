package io.gaplens.remediation.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class AccessTest {

    @Test
    void requestsWithoutTokenAreUnauthorized() {
        given().get(ACTIONS).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/assessments/" + UUID.randomUUID() + "/plan").then().statusCode(401);
        given().contentType("application/json").body(Map.of("title", "x")).post(ACTIONS).then().statusCode(401);
    }

    @Test
    void readOnlyRolesCannotWrite() {
        String tenant = freshTenant("read-only");
        String id = createAction(owner(tenant), UUID.randomUUID(), "Backup policy", "HIGH", "A.8.13");
        for (String role : List.of("auditor", "viewer", "assessor", "risk-manager")) {
            String token = TestTokens.forTenant(tenant, role);
            as(token).get(ACTIONS + "/" + id).then().statusCode(200);
            as(token).get(ACTIONS + "/" + id + "/history").then().statusCode(200);
            as(token).contentType("application/json").body(Map.of("assessmentId", UUID.randomUUID().toString(),
                    "title", "x", "riskLevel", "LOW", "requirementRefs", List.of("5.1"))).post(ACTIONS).then()
                    .statusCode(403).body("type", equalTo("https://gaplens.io/problems/forbidden"));
            as(token).header("If-Match", "\"0\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                    .post(ACTIONS + "/" + id + "/status").then().statusCode(403);
            as(token).header("If-Match", "\"0\"").contentType("application/json").body(Map.of("owner", "me"))
                    .patch(ACTIONS + "/" + id).then().statusCode(403);
        }
        String admin = admin(tenant);
        changeStatus(admin, id, "IN_PROGRESS", null).statusCode(200);
    }

    @Test
    void otherTenantsActionsAreNotFound() {
        String tenant = freshTenant("mine");
        String intruder = freshTenant("other");
        UUID assessment = UUID.randomUUID();
        String id = createAction(owner(tenant), assessment, "Log retention", "MEDIUM", "A.8.15");
        String etag = etag(owner(tenant), id);

        as(auditor(intruder)).get(ACTIONS + "/" + id).then().statusCode(404);
        as(auditor(intruder)).get(ACTIONS + "/" + id + "/history").then().statusCode(404);
        as(auditor(intruder)).get("/api/v1/assessments/" + assessment + "/plan").then().statusCode(404);
        as(owner(intruder)).header("If-Match", etag).contentType("application/json").body(Map.of("owner", "me"))
                .patch(ACTIONS + "/" + id).then().statusCode(404);
        as(owner(intruder)).header("If-Match", etag).contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(ACTIONS + "/" + id + "/status").then().statusCode(404);
        as(auditor(intruder)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("totalItems", equalTo(0));

        String own = createAction(owner(intruder), assessment, "Own", "LOW", "5.1");
        as(owner(intruder)).header("If-Match", etag(owner(intruder), own)).contentType("application/json")
                .body(Map.of("dependsOn", id)).post(ACTIONS + "/" + own + "/dependencies").then().statusCode(404);
        as(auditor(tenant)).get(ACTIONS + "/" + id).then().statusCode(200).body("owner", equalTo(null));
    }

    @Test
    void tokenWithoutTenantClaimIsForbidden() {
        String token = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).subject("nobody").upn("nobody")
                .groups(java.util.Set.of("auditor")).expiresIn(300).jws().sign("/gaplens-test-keys/private-key.pem");
        as(token).get(ACTIONS).then().statusCode(403);
    }
}
