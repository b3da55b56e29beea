package io.gaplens.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.Topics;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answerOk;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.gaplens.assessment.AssessmentApi.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assesses an organisation's own catalogue, imported into and published by the real catalog-service. */
@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class CustomCatalogueTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void customCatalogueIsAssessableOncePublished() throws Exception {
        String tenant = freshTenant();
        String admin = TestTokens.forTenant(tenant, "admin");
        String catalogId = "controls-" + UUID.randomUUID().toString().substring(0, 8);
        importDraft(admin, catalogId, "1", """
                {"ref": "AC-2", "parent": "AC", "kind": "CONTROL", "assessable": true, "title": "Multi-factor login",
                 "guidance": "Check that remote access needs a second factor."}
                """);
        String create = """
                {"name": "Internal controls", "catalogId": "%s", "catalogVersion": "1", "targetMaturity": 2}
                """.formatted(catalogId);

        given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(create)
                .when().post(BASE)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("catalogVersion"));

        publish(admin, catalogId, "1");
        String id = given().auth().oauth2(assessor(tenant)).contentType(ContentType.JSON).body(create)
                .when().post(BASE)
                .then().statusCode(201)
                .body("assessableCount", equalTo(2))
                .extract().path("id");
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/requirements")
                .then().body("ref", contains("AC-1", "AC-2"))
                .body("[0].group", equalTo("AC"))
                .body("[0].kind", equalTo("CONTROL"))
                .body("[0].securityProperties", contains("confidentiality", "integrity"));

        importDraft(admin, catalogId, "2", """
                {"ref": "AC-3", "parent": "AC", "kind": "CONTROL", "assessable": true, "title": "Session timeout",
                 "guidance": "Check idle sessions end."}
                """);
        publish(admin, catalogId, "2");
        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/requirements")
                .then().body("", hasSize(2));

        start(tenant, id);
        answerOk(tenant, id, "AC-1", "PARTIALLY_IMPLEMENTED", 1);
        List<ConsumerRecord<String, String>> gaps = KafkaTestClient.readUntil(Topics.ASSESSMENT,
                record -> id.equals(record.key())
                        && EventType.GAP_IDENTIFIED.ceType().equals(KafkaTestClient.header(record, "ce_type")),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, gaps.size());
        JsonNode gap = JSON.readTree(gaps.get(0).value());
        assertEquals(catalogId, gap.get("catalogId").asText());
        assertEquals("1", gap.get("catalogVersion").asText());
        assertEquals("AC", gap.get("group").asText());
        assertEquals("[\"confidentiality\",\"integrity\"]", gap.get("securityProperties").toString());

        given().auth().oauth2(assessor(tenant)).when().get(BASE + "/" + id + "/summary")
                .then().body("clauses", hasSize(0))
                .body("themes[0].group", equalTo("AC"))
                .body("themes[0].figures.gapCount", equalTo(1));
    }

    private static void importDraft(String admin, String catalogId, String version, String extraRequirement) {
        String document = """
                {"catalogId": "%s", "version": "%s", "title": "Internal controls", "publisher": "Example Ltd",
                 "requirements": [
                   {"ref": "AC", "parent": null, "kind": "GROUP", "assessable": false, "title": "Access"},
                   {"ref": "AC-1", "parent": "AC", "kind": "CONTROL", "assessable": true, "title": "Access reviews",
                    "guidance": "Check quarterly reviews of user accounts.",
                    "attributes": {"securityProperties": ["confidentiality", "integrity"]}},
                   %s
                 ]}
                """.formatted(catalogId, version, extraRequirement);
        given().baseUri(catalogUrl()).auth().oauth2(admin).contentType(ContentType.JSON).body(document)
                .when().post("/api/v1/catalogs")
                .then().statusCode(201);
    }

    private static void publish(String admin, String catalogId, String version) {
        given().baseUri(catalogUrl()).auth().oauth2(admin)
                .when().post("/api/v1/catalogs/" + catalogId + "/versions/" + version + "/publication")
                .then().statusCode(200);
    }

    private static String catalogUrl() {
        return ConfigProvider.getConfig().getValue("gaplens.test.catalog-service.url", String.class);
    }
}
