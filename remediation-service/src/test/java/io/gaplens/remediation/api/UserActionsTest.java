package io.gaplens.remediation.api;

import io.gaplens.testing.GapLensTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.gaplens.remediation.support.RemediationApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class UserActionsTest {

    @Test
    void userActionGetsLevelDefaults() {
        String tenant = freshTenant("create");
        UUID assessment = UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> body = Map.of("assessmentId", assessment.toString(), "title", " Run a phishing drill ",
                "requirementRefs", List.of("A.6.3", "A.6.3", " 7.3 "), "riskLevel", "MEDIUM",
                "owner", "ciso@example.org", "priority", 7);

        String id = as(owner(tenant)).contentType("application/json").body(body).post(ACTIONS).then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString(ACTIONS + "/"))
                .body("title", equalTo("Run a phishing drill"))
                .body("requirementRefs", contains("7.3", "A.6.3"))
                .body("origin", equalTo("USER"))
                .body("phase", equalTo(2))
                .body("priority", equalTo(7))
                .body("prioritySetByHand", equalTo(true))
                .body("dueDate", equalTo(today.plusDays(90).toString()))
                .body("dueDateSetByHand", equalTo(false))
                .body("owner", equalTo("ciso@example.org"))
                .body("createdBy", equalTo("remediation-owner@" + tenant))
                .extract().path("id");
        as(auditor(tenant)).get(ACTIONS + "/" + id).then().statusCode(200).body("overdue", equalTo(false));
    }

    @Test
    void userActionTakesLevelOfRatedGap() {
        String tenant = freshTenant("rated");
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.8.13", "Information backup", "CRITICAL", 25);
        awaitActions(tenant, assessment, 1);

        Map<String, Object> body = Map.of("assessmentId", assessment.toString(), "title", "Test restores quarterly",
                "requirementRefs", List.of("A.8.13"));
        as(owner(tenant)).contentType("application/json").body(body).post(ACTIONS).then().statusCode(201)
                .body("riskLevel", equalTo("CRITICAL"))
                .body("phase", equalTo(1));
    }

    @Test
    void invalidCreateRequestsNameTheField() {
        String tenant = freshTenant("bad-create");
        String token = owner(tenant);
        String assessment = UUID.randomUUID().toString();
        Map<String, Object> valid = Map.of("assessmentId", assessment, "title", "Fix it",
                "requirementRefs", List.of("A.5.1"), "riskLevel", "LOW");

        Object[][] cases = {
                {"assessmentId", "not-a-uuid", "assessmentId"},
                {"title", "", "title"},
                {"requirementRefs", List.of(), "requirementRefs"},
                {"requirementRefs", List.of(" "), "requirementRefs[0]"},
                {"riskLevel", "SEVERE", "riskLevel"},
                {"dueDate", "2026-02-30", "dueDate"},
                {"priority", 0, "priority"},
                {"requirementRefs", List.of("=HYPERLINK(\"x\")"), "requirementRefs[0]"},
                {"requirementRefs", List.of("A.5.1' OR '1'='1"), "requirementRefs[0]"},
                {"priority", 1.5, "priority"},
                {"riskLevel", 1, "riskLevel"},
                {"dueDate", 20260101, "dueDate"},
        };
        for (Object[] testCase : cases) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put((String) testCase[0], testCase[1]);
            as(token).contentType("application/json").body(body).post(ACTIONS).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(testCase[2]));
        }
        Map<String, Object> withoutLevel = new HashMap<>(valid);
        withoutLevel.remove("riskLevel");
        as(token).contentType("application/json").body(withoutLevel).post(ACTIONS).then().statusCode(400)
                .body("errors[0].field", equalTo("riskLevel"));
        as(token).contentType("application/json").body("{\"title\" \"x\"}").post(ACTIONS).then().statusCode(400)
                .contentType("application/problem+json");

        as(auditor(tenant)).queryParam("assessmentId", assessment).get(ACTIONS).then().body("totalItems", equalTo(0));
    }

    @Test
    void dueDateChangeNeedsReasonAndIsAudited() {
        String tenant = freshTenant("due-date");
        String token = owner(tenant);
        String id = createAction(token, UUID.randomUUID(), "Review supplier contracts", "MEDIUM", "A.5.20");
        String oldDue = as(token).get(ACTIONS + "/" + id).then().extract().path("dueDate");

        as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("dueDate", "2031-06-30")).patch(ACTIONS + "/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("dueDateReason"));
        as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("dueDate", "2031-06-30", "dueDateReason", "Contracts renew in June", "owner", "legal"))
                .patch(ACTIONS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("dueDate", equalTo("2031-06-30"))
                .body("dueDateSetByHand", equalTo(true))
                .body("owner", equalTo("legal"));
        as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("owner", "")).patch(ACTIONS + "/" + id).then().statusCode(200)
                .body("owner", nullValue());

        as(auditor(tenant)).get(ACTIONS + "/" + id + "/history").then().statusCode(200)
                .body("field", contains("status", "owner", "dueDate", "owner"))
                .body("[2].oldValue", equalTo(oldDue))
                .body("[2].newValue", equalTo("2031-06-30"))
                .body("[2].reason", equalTo("Contracts renew in June"))
                .body("[2].changedBy", equalTo("remediation-owner@" + tenant))
                .body("[3].newValue", nullValue());
    }

    @Test
    void updateNeedsIfMatchAndUnfinishedAction() {
        String tenant = freshTenant("update");
        String token = owner(tenant);
        String id = createAction(token, UUID.randomUUID(), "Document assets", "LOW", "A.5.9");

        as(token).contentType("application/json").body(Map.of("title", "x")).patch(ACTIONS + "/" + id).then()
                .statusCode(428);
        as(token).header("If-Match", "\"41\"").contentType("application/json").body(Map.of("title", "x"))
                .patch(ACTIONS + "/" + id).then().statusCode(412);
        as(token).header("If-Match", etag(token, id)).contentType("application/json").body(Map.of("title", " "))
                .patch(ACTIONS + "/" + id).then().statusCode(400).body("errors[0].field", equalTo("title"));

        changeStatus(token, id, "CANCELLED", "Merged into the asset register project").statusCode(200);
        as(token).header("If-Match", etag(token, id)).contentType("application/json").body(Map.of("title", "x"))
                .patch(ACTIONS + "/" + id).then().statusCode(409).body("errors[0].field", equalTo("status"));
    }

    @Test
    void splitKeepsFirstPartAndCreatesOthers() {
        String tenant = freshTenant("split");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String id = createAction(token, assessment, "Access control programme", "HIGH", "A.5.15", "A.5.18", "A.8.2");
        String prerequisite = createAction(token, assessment, "Identity inventory", "HIGH", "A.5.16");
        addDependency(token, id, prerequisite).statusCode(200);

        Map<String, Object> body = Map.of("parts", List.of(
                Map.of("title", "Write the access control policy", "requirementRefs", List.of("A.5.15")),
                Map.of("title", "Review access rights", "requirementRefs", List.of("A.5.18", "A.8.2"),
                        "owner", "iam-team", "dueDate", "2030-03-31")));
        List<Map<String, Object>> parts = as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(body).post(ACTIONS + "/" + id + "/split").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].id", equalTo(id))
                .body("[0].title", equalTo("Write the access control policy"))
                .body("[0].requirementRefs", contains("A.5.15"))
                .body("[1].origin", equalTo("SPLIT"))
                .body("[1].splitFromId", equalTo(id))
                .body("[1].requirementRefs", contains("A.5.18", "A.8.2"))
                .body("[1].owner", equalTo("iam-team"))
                .body("[1].dueDate", equalTo("2030-03-31"))
                .body("[1].riskLevel", equalTo("HIGH"))
                .body("[1].phase", equalTo(1))
                .body("[1].dependsOn", contains(prerequisite))
                .extract().path("");

        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("totalItems", equalTo(3))
                .body("items.id", hasItems(id, prerequisite, (String) parts.get(1).get("id")));
    }

    @Test
    void invalidSplitIsRejectedWithoutChanges() {
        String tenant = freshTenant("bad-split");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String id = createAction(token, assessment, "Supplier programme", "MEDIUM", "A.5.19", "A.5.20");
        String etag = etag(token, id);

        as(token).header("If-Match", etag).contentType("application/json")
                .body(Map.of("parts", List.of(Map.of("title", "Only one part"))))
                .post(ACTIONS + "/" + id + "/split").then().statusCode(400).body("errors[0].field", equalTo("parts"));
        as(token).header("If-Match", etag).contentType("application/json")
                .body(Map.of("parts", List.of(
                        Map.of("title", "A", "requirementRefs", List.of("A.5.19")),
                        Map.of("title", "B", "requirementRefs", List.of("A.5.21")))))
                .post(ACTIONS + "/" + id + "/split").then().statusCode(400)
                .body("errors.field", hasItems("parts[1].requirementRefs", "parts"))
                .body("errors.message", hasItems(containsString("A.5.21 is not covered by the split action"),
                        equalTo("requirement A.5.20 is covered by no part")));
        as(token).header("If-Match", etag).contentType("application/json")
                .body(Map.of("parts", List.of(Map.of("title", ""), Map.of("title", "B"))))
                .post(ACTIONS + "/" + id + "/split").then().statusCode(400)
                .body("errors[0].field", equalTo("parts[0].title"));

        as(auditor(tenant)).queryParam("assessmentId", assessment.toString()).get(ACTIONS).then()
                .body("totalItems", equalTo(1))
                .body("items[0].title", equalTo("Supplier programme"));
    }

    @Test
    void linkingGapsTakesHighestLevel() {
        String tenant = freshTenant("link");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        rate(tenant, assessment, "A.5.24", "Incident management planning and preparation", "CRITICAL", 25);
        awaitActions(tenant, assessment, 1);
        String id = createAction(token, assessment, "Incident response runbook", "LOW", "A.5.26");

        as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("requirementRefs", List.of("A.5.24", "A.5.25"))).post(ACTIONS + "/" + id + "/requirements")
                .then().statusCode(200)
                .body("requirementRefs", contains("A.5.24", "A.5.25", "A.5.26"))
                .body("riskLevel", equalTo("CRITICAL"))
                .body("phase", equalTo(1))
                .body("priority", equalTo(1));
        as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("requirementRefs", List.of())).post(ACTIONS + "/" + id + "/requirements")
                .then().statusCode(400).body("errors[0].field", equalTo("requirementRefs"));
    }

    @Test
    void directAndIndirectDependencyCyclesAreRejected() {
        String tenant = freshTenant("cycles");
        String token = owner(tenant);
        UUID assessment = UUID.randomUUID();
        String a = createAction(token, assessment, "A", "HIGH", "5.1");
        String b = createAction(token, assessment, "B", "HIGH", "5.2");
        String c = createAction(token, assessment, "C", "HIGH", "5.3");

        addDependency(token, a, b).statusCode(200).body("dependsOn", contains(b));
        addDependency(token, b, a).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cycle " + b + " -> " + a + " -> " + b))
                .body("errors[0].field", equalTo("dependsOn"));
        addDependency(token, b, c).statusCode(200);
        addDependency(token, c, a).statusCode(409)
                .body("detail", containsString("cycle " + c + " -> " + a + " -> " + b + " -> " + c));
        addDependency(token, a, a).statusCode(409)
                .body("detail", containsString("cycle " + a + " -> " + a));

        as(auditor(tenant)).get(ACTIONS + "/" + c).then().body("dependsOn", hasSize(0));
        as(token).header("If-Match", etag(token, b)).delete(ACTIONS + "/" + b + "/dependencies/" + c)
                .then().statusCode(200).body("dependsOn", hasSize(0));
        addDependency(token, c, a).statusCode(200);
        as(token).header("If-Match", etag(token, b)).delete(ACTIONS + "/" + b + "/dependencies/" + c)
                .then().statusCode(404);
    }

    @Test
    void foreignDependencyIsRejected() {
        String tenant = freshTenant("dep-scope");
        String token = owner(tenant);
        String a = createAction(token, UUID.randomUUID(), "A", "HIGH", "5.1");
        String other = createAction(token, UUID.randomUUID(), "Other", "HIGH", "5.1");

        addDependency(token, a, other).statusCode(400).body("errors[0].field", equalTo("dependsOn"));
        addDependency(token, a, UUID.randomUUID().toString()).statusCode(404);
        as(token).header("If-Match", etag(token, a)).contentType("application/json").body(Map.of())
                .post(ACTIONS + "/" + a + "/dependencies").then().statusCode(400)
                .body("errors[0].field", equalTo("dependsOn"));
    }

    @Test
    void listFiltersAreValidated() {
        String token = auditor(freshTenant("filters"));
        Object[][] cases = {{"status", "DONE-ish"}, {"phase", "4"}, {"level", "extreme"}, {"assessmentId", "42"},
                {"page", "-1"}, {"size", "0"}};
        for (Object[] testCase : cases) {
            as(token).queryParam((String) testCase[0], testCase[1]).get(ACTIONS).then().statusCode(400)
                    .body("errors[0].field", equalTo(testCase[0]));
        }
    }

    private static io.restassured.response.ValidatableResponse addDependency(String token, String id, String dependsOn) {
        return as(token).header("If-Match", etag(token, id)).contentType("application/json")
                .body(Map.of("dependsOn", dependsOn)).post(ACTIONS + "/" + id + "/dependencies").then();
    }
}
