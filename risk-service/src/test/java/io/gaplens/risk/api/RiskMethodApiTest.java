package io.gaplens.risk.api;

import io.gaplens.risk.RiskTestSupport;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class RiskMethodApiTest {

    private static final String PATH = "/api/v1/risk-methods/current";

    static final String FOUR_BY_FOUR = """
            {"likelihoodScale": ["rare", "possible", "likely", "certain"],
             "impactScale": ["low", "medium", "high", "very high"],
             "levels": ["low", "medium", "high"],
             "thresholds": [{"level": "medium", "minScore": 4}, {"level": "high", "minScore": 9}]}
            """;

    static final String THREE_BY_FIVE_MATRIX = """
            {"likelihoodScale": ["unlikely", "possible", "likely"],
             "impactScale": ["negligible", "minor", "moderate", "major", "severe"],
             "levels": ["acceptable", "tolerable", "unacceptable"],
             "matrix": [["acceptable", "acceptable", "acceptable", "tolerable", "tolerable"],
                        ["acceptable", "tolerable", "tolerable", "unacceptable", "unacceptable"],
                        ["tolerable", "tolerable", "unacceptable", "unacceptable", "unacceptable"]]}
            """;

    @Test
    void tenantWithoutMethodGetsDefault() {
        String token = TestTokens.forTenant(RiskTestSupport.freshTenant("method"), "viewer");
        given().auth().oauth2(token)
                .when().get(PATH)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("source", equalTo("DEFAULT"))
                .body("likelihoodScale", equalTo(List.of("rare", "unlikely", "possible", "likely", "almost certain")))
                .body("impactScale", equalTo(List.of("negligible", "minor", "moderate", "major", "severe")))
                .body("levels", equalTo(List.of("low", "medium", "high", "critical")))
                .body("thresholds.minScore", equalTo(List.of(5, 10, 15)))
                .body("thresholds.level", equalTo(List.of("medium", "high", "critical")))
                .body("matrix", nullValue())
                .body("levelMatrix[0]", equalTo(List.of("low", "low", "low", "low", "medium")))
                .body("levelMatrix[2]", equalTo(List.of("low", "medium", "medium", "high", "critical")))
                .body("levelMatrix[4]", equalTo(List.of("medium", "high", "critical", "critical", "critical")));
    }

    @Test
    void customThresholdMethodReplacesDefault() {
        String tenant = RiskTestSupport.freshTenant("method");
        String manager = TestTokens.forTenant(tenant, "risk-manager");

        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body(FOUR_BY_FOUR)
                .when().put(PATH)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("source", equalTo("CUSTOM"))
                .body("updatedBy", equalTo("risk-manager@" + tenant))
                .body("levelMatrix[0]", equalTo(List.of("low", "low", "low", "medium")))
                .body("levelMatrix[1]", equalTo(List.of("low", "medium", "medium", "medium")))
                .body("levelMatrix[2]", equalTo(List.of("low", "medium", "high", "high")))
                .body("levelMatrix[3]", equalTo(List.of("medium", "medium", "high", "high")));

        given().auth().oauth2(TestTokens.forTenant(tenant, "auditor"))
                .when().get(PATH)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("likelihoodScale[3]", equalTo("certain"))
                .body("thresholds.minScore", equalTo(List.of(4, 9)));
    }

    @Test
    void customMatrixMethodKeepsItsCells() {
        String tenant = RiskTestSupport.freshTenant("method");
        String manager = TestTokens.forTenant(tenant, "risk-manager");

        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body(THREE_BY_FIVE_MATRIX)
                .when().put(PATH)
                .then().statusCode(200)
                .body("matrix[1][3]", equalTo("unacceptable"))
                .body("thresholds", nullValue())
                .body("levelMatrix[0][3]", equalTo("tolerable"))
                .body("levelMatrix[2][0]", equalTo("tolerable"));
    }

    @Test
    void readMethodCanBeSentBack() {
        String tenant = RiskTestSupport.freshTenant("method");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        String read = given().auth().oauth2(manager).when().get(PATH).then().statusCode(200).extract().asString();

        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body(read)
                .when().put(PATH)
                .then().statusCode(200)
                .body("source", equalTo("CUSTOM"))
                .body("thresholds.minScore", equalTo(List.of(5, 10, 15)));
    }

    @Test
    void replacementWithoutIfMatchIsRejected() {
        String manager = TestTokens.forTenant(RiskTestSupport.freshTenant("method"), "risk-manager");
        given().auth().oauth2(manager).contentType("application/json").body(FOUR_BY_FOUR)
                .when().put(PATH)
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void staleIfMatchIsRejected() {
        String tenant = RiskTestSupport.freshTenant("method");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json").body(FOUR_BY_FOUR)
                .when().put(PATH)
                .then().statusCode(200);

        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body(THREE_BY_FIVE_MATRIX)
                .when().put(PATH)
                .then().statusCode(412)
                .body("errors[0].field", equalTo("If-Match"));

        given().auth().oauth2(manager).when().get(PATH)
                .then().statusCode(200).body("likelihoodScale[3]", equalTo("certain"));
    }

    @Test
    void readOnlyRolesCannotReplace() {
        String tenant = RiskTestSupport.freshTenant("method");
        for (String role : List.of("auditor", "viewer", "assessor")) {
            given().auth().oauth2(TestTokens.forTenant(tenant, role)).header("If-Match", "\"0\"")
                    .contentType("application/json").body(FOUR_BY_FOUR)
                    .when().put(PATH)
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.forTenant(tenant, "viewer")).when().get(PATH)
                .then().statusCode(200).body("source", equalTo("DEFAULT"));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"0\"").body(FOUR_BY_FOUR)
                .when().put(PATH).then().statusCode(401);
    }

    @Test
    void methodIsScopedByTenant() {
        String owner = RiskTestSupport.freshTenant("method");
        given().auth().oauth2(TestTokens.forTenant(owner, "risk-manager")).header("If-Match", "\"0\"")
                .contentType("application/json").body(FOUR_BY_FOUR)
                .when().put(PATH).then().statusCode(200);

        given().auth().oauth2(TestTokens.forTenant(RiskTestSupport.freshTenant("other"), "viewer"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("source", equalTo("DEFAULT"));
    }

    static Stream<Arguments> badDefinitions() {
        String scales = """
                "likelihoodScale": ["a", "b", "c"], "impactScale": ["x", "y", "z"], "levels": ["low", "high"]""";
        return Stream.of(
                Arguments.of("not an object", "[1, 2]", "body"),
                Arguments.of("missing likelihood scale",
                        "{\"impactScale\": [\"x\", \"y\"], \"levels\": [\"low\", \"high\"], \"thresholds\": [{\"level\": \"high\", \"minScore\": 2}]}",
                        "likelihoodScale"),
                Arguments.of("scale of wrong type", "{" + scales.replace("[\"x\", \"y\", \"z\"]", "\"x, y, z\"")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "impactScale"),
                Arguments.of("label of wrong type", "{" + scales.replace("\"b\"", "2")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "likelihoodScale[1]"),
                Arguments.of("blank label", "{" + scales.replace("\"b\"", "\" \"")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "likelihoodScale[1]"),
                Arguments.of("label with line break", "{" + scales.replace("\"b\"", "\"b\\nc\"")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "likelihoodScale[1]"),
                Arguments.of("duplicate label", "{" + scales.replace("\"c\"", "\"A\"")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "likelihoodScale[2]"),
                Arguments.of("scale of one value", "{" + scales.replace("[\"a\", \"b\", \"c\"]", "[\"a\"]")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 2}]}", "likelihoodScale"),
                Arguments.of("scale of eleven values", "{" + scales.replace("[\"a\", \"b\", \"c\"]",
                        "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]")
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}]}", "likelihoodScale"),
                Arguments.of("neither thresholds nor matrix", "{" + scales + "}", "thresholds"),
                Arguments.of("both thresholds and matrix", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}], \"matrix\": []}", "matrix"),
                Arguments.of("thresholds of wrong type", "{" + scales + ", \"thresholds\": {\"high\": 4}}", "thresholds"),
                Arguments.of("threshold count not matching levels", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}, {\"level\": \"high\", \"minScore\": 6}]}",
                        "thresholds"),
                Arguments.of("threshold with unknown level", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"severe\", \"minScore\": 4}]}", "thresholds[0].level"),
                Arguments.of("threshold score as string", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": \"4\"}]}", "thresholds[0].minScore"),
                Arguments.of("threshold score as decimal", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4.5}]}", "thresholds[0].minScore"),
                Arguments.of("threshold score above the highest score", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 10}]}", "thresholds[0].minScore"),
                Arguments.of("threshold score of 1", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 1}]}", "thresholds[0].minScore"),
                Arguments.of("threshold without score", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\"}]}", "thresholds[0].minScore"),
                Arguments.of("unknown field in threshold", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4, \"colour\": \"red\"}]}",
                        "thresholds[0].colour"),
                Arguments.of("thresholds not increasing", """
                        {"likelihoodScale": ["a", "b", "c"], "impactScale": ["x", "y", "z"],
                         "levels": ["low", "medium", "high"],
                         "thresholds": [{"level": "medium", "minScore": 4}, {"level": "high", "minScore": 4}]}""",
                        "thresholds[1].minScore"),
                Arguments.of("thresholds out of level order", """
                        {"likelihoodScale": ["a", "b", "c"], "impactScale": ["x", "y", "z"],
                         "levels": ["low", "medium", "high"],
                         "thresholds": [{"level": "high", "minScore": 3}, {"level": "medium", "minScore": 6}]}""",
                        "thresholds[0].level"),
                Arguments.of("matrix with too few rows", "{" + scales
                        + ", \"matrix\": [[\"low\", \"low\", \"high\"], [\"low\", \"high\", \"high\"]]}", "matrix"),
                Arguments.of("matrix row too short", "{" + scales
                        + ", \"matrix\": [[\"low\", \"low\", \"high\"], [\"low\", \"high\"], [\"high\", \"high\", \"high\"]]}",
                        "matrix[1]"),
                Arguments.of("matrix with unknown level", "{" + scales
                        + ", \"matrix\": [[\"low\", \"low\", \"high\"], [\"low\", \"amber\", \"high\"], [\"high\", \"high\", \"high\"]]}",
                        "matrix[1][1]"),
                Arguments.of("matrix cell of wrong type", "{" + scales
                        + ", \"matrix\": [[\"low\", \"low\", \"high\"], [\"low\", 2, \"high\"], [\"high\", \"high\", \"high\"]]}",
                        "matrix[1][1]"),
                Arguments.of("matrix level falling with impact", "{" + scales
                        + ", \"matrix\": [[\"low\", \"high\", \"low\"], [\"low\", \"high\", \"high\"], [\"high\", \"high\", \"high\"]]}",
                        "matrix[0][2]"),
                Arguments.of("matrix level falling with likelihood", "{" + scales
                        + ", \"matrix\": [[\"low\", \"low\", \"high\"], [\"low\", \"high\", \"high\"], [\"high\", \"low\", \"high\"]]}",
                        "matrix[2][1]"),
                Arguments.of("unknown top-level field", "{" + scales
                        + ", \"thresholds\": [{\"level\": \"high\", \"minScore\": 4}], \"colour\": \"red\"}", "colour"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void badDefinitionIsRejectedNamingField(String description, String body, String field) {
        String tenant = RiskTestSupport.freshTenant("bad");
        String manager = TestTokens.forTenant(tenant, "risk-manager");
        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body(body)
                .when().put(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://gaplens.io/problems/validation"))
                .body("errors.field", hasItem(field));

        given().auth().oauth2(manager).when().get(PATH)
                .then().statusCode(200).body("source", equalTo("DEFAULT"));
    }

    @Test
    void malformedJsonIsRejected() {
        String manager = TestTokens.forTenant(RiskTestSupport.freshTenant("bad"), "risk-manager");
        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .body("{\"levels\": [")
                .when().put(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void emptyBodyIsRejectedNamingBody() {
        String manager = TestTokens.forTenant(RiskTestSupport.freshTenant("bad"), "risk-manager");
        given().auth().oauth2(manager).header("If-Match", "\"0\"").contentType("application/json")
                .when().put(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
    }
}
