package io.gaplens.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.assessment.config.AssessmentConfig;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads catalogue versions, their requirements and mappings from catalog-service over REST,
 * forwarding the caller's bearer token so that catalog-service applies the same tenant and roles.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);

    /** catalog-service's maximum page size; a version has at most {@link #MAX_PAGES} pages of requirements. */
    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 20;

    @Inject
    AssessmentConfig config;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper objectMapper;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A catalogue version as catalog-service describes it. */
    public record CatalogVersionInfo(String catalogId, String version, String title, String status) {
    }

    /** One requirement as catalog-service lists it. */
    public record CatalogRequirement(String ref, String section, String kind, boolean excludable, String title,
                                     List<String> securityProperties) {
    }

    /** One mapping from a requirement of another version, as catalog-service lists it. */
    public record CatalogMapping(String targetCatalog, String targetVersion, String targetRef, String relationship) {
    }

    /**
     * Returns the version's detail.
     *
     * @throws ApiException 400 naming catalogId or catalogVersion when catalog-service does not know it, 503
     *         when catalog-service cannot be reached or fails
     */
    public CatalogVersionInfo version(String catalogId, String version) {
        JsonNode detail = get(versionPath(catalogId, version))
                .orElseThrow(() -> unknownVersion(catalogId, version));
        return new CatalogVersionInfo(detail.path("catalogId").asText(), detail.path("version").asText(),
                detail.path("title").asText(), detail.path("status").asText());
    }

    /** Returns every assessable requirement of the version, in document order. */
    public List<CatalogRequirement> assessableRequirements(String catalogId, String version) {
        List<CatalogRequirement> requirements = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode body = get(versionPath(catalogId, version) + "/requirements?assessable=true&size=" + PAGE_SIZE
                    + "&page=" + page)
                    .orElseThrow(() -> unknownVersion(catalogId, version));
            for (JsonNode item : body.path("items")) {
                List<String> properties = new ArrayList<>();
                for (JsonNode property : item.path("attributes").path("securityProperties")) {
                    properties.add(property.asText());
                }
                requirements.add(new CatalogRequirement(item.path("ref").asText(), item.path("section").asText(),
                        item.path("kind").asText(), item.path("excludable").asBoolean(), item.path("title").asText(),
                        properties));
            }
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                return requirements;
            }
        }
        throw new ApiException(ProblemType.UNAVAILABLE, "Catalogue " + catalogId + " " + version + " has more than "
                + MAX_PAGES * PAGE_SIZE + " assessable requirements, which the assessment service does not support");
    }

    /**
     * Returns the outgoing mappings of {@code ref} in the given version, or an empty value when the version
     * has no such requirement.
     */
    public Optional<List<CatalogMapping>> mappings(String catalogId, String version, String ref) {
        Optional<JsonNode> body = get(versionPath(catalogId, version) + "/requirements/" + encode(ref) + "/mappings");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        List<CatalogMapping> mappings = new ArrayList<>();
        for (JsonNode mapping : body.get()) {
            if ("OUTGOING".equals(mapping.path("direction").asText())) {
                mappings.add(new CatalogMapping(mapping.path("targetCatalog").asText(null),
                        mapping.path("targetVersion").asText(null), mapping.path("targetRef").asText(),
                        mapping.path("relationship").asText()));
            }
        }
        return Optional.of(mappings);
    }

    /** GETs {@code path}; returns empty on 404 and fails with 503 on anything but 200. */
    private Optional<JsonNode> get(String path) {
        String url = config.catalog().url() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.catalog().timeout())
                .header("Accept", "application/json")
                .GET();
        String raw = token.getRawToken();
        if (raw != null) {
            request.header("Authorization", "Bearer " + raw);
        }

        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf(e, "GET %s failed", url);
            throw unavailable("could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("did not answer before the request was interrupted");
        }

        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            LOG.warnf("GET %s answered %d", url, response.statusCode());
            throw unavailable("answered HTTP " + response.statusCode());
        }
        try {
            return Optional.of(objectMapper.readTree(response.body()));
        } catch (IOException e) {
            LOG.warnf(e, "GET %s returned a body that is not JSON", url);
            throw unavailable("returned a body that is not JSON");
        }
    }

    private ApiException unavailable(String what) {
        return new ApiException(ProblemType.UNAVAILABLE, "The catalogue service at " + config.catalog().url() + " "
                + what + "; nothing was changed, try again later");
    }

    private static ApiException unknownVersion(String catalogId, String version) {
        String detail = "Catalogue " + catalogId + " version " + version + " was not found in the catalogue service";
        // The catalogue service cannot tell which of the two is wrong, so both fields carry the error.
        String message = "unknown catalogue or version: " + catalogId + " " + version;
        return ApiException.invalid(detail, List.of(new FieldError("catalogId", message),
                new FieldError("catalogVersion", message)));
    }

    private static String versionPath(String catalogId, String version) {
        return "/api/v1/catalogs/" + encode(catalogId) + "/versions/" + encode(version);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
