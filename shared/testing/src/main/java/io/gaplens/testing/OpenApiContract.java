package io.gaplens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the OpenAPI document a running service serves with the one committed under
 * {@code docs/api/}, so that every API change is deliberate and visible in review.
 *
 * <p>Run the tests with {@code -Dgaplens.openapi.update=true} to rewrite the committed document
 * after an intended change.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiContract() {
    }

    /** Asserts that the served document equals {@code ../docs/api/SERVICE.openapi.json}, relative to the module. */
    public static void assertServedDocumentIsCommitted(String service) throws IOException {
        String served = given().accept("application/json").queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();
        String normalized = normalize(JSON.readTree(served));

        Path committed = Path.of("..", "docs", "api", service + ".openapi.json");
        if (Boolean.getBoolean("gaplens.openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, normalized);
            return;
        }
        assertTrue(Files.exists(committed), committed + " is missing: run the tests with -Dgaplens.openapi.update=true");
        assertEquals(Files.readString(committed), normalized,
                "The served OpenAPI document differs from " + committed
                        + ": review the API change, then run the tests with -Dgaplens.openapi.update=true");
    }

    private static String normalize(JsonNode document) throws IOException {
        Object tree = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }
}
