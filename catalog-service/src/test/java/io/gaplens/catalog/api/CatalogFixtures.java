package io.gaplens.catalog.api;

import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests and files that several catalogue tests share. */
final class CatalogFixtures {

    static final String CATALOGS = "/api/v1/catalogs";

    private CatalogFixtures() {
    }

    /** Returns a tenant name that no other test uses. */
    static String freshTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse importCsv(String token, String catalogId, String version, String csv) {
        return importCsv(token, catalogId, version, csv.getBytes(StandardCharsets.UTF_8));
    }

    static ValidatableResponse importCsv(String token, String catalogId, String version, byte[] csv) {
        return given().auth().oauth2(token)
                .contentType("text/csv")
                .queryParam("catalogId", catalogId)
                .queryParam("version", version)
                .queryParam("title", "Test catalogue " + catalogId)
                .body(csv)
                .when().post(CATALOGS)
                .then();
    }

    static ValidatableResponse publish(String token, String catalogId, String version) {
        return given().auth().oauth2(token)
                .when().post(CATALOGS + "/" + catalogId + "/versions/" + version + "/publication")
                .then();
    }

    static byte[] resource(String path) {
        try (InputStream in = CatalogFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
