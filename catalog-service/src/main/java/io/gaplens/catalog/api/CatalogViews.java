package io.gaplens.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The response types of the catalogue API. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public record CatalogSummary(String catalogId, String title, String publisher, boolean shipped,
                                 List<VersionSummary> versions) {
    }

    public record VersionSummary(String version, String title, String status, OffsetDateTime publishedAt,
                                 long requirementCount, long assessableCount) {
    }

    public record VersionDetail(String catalogId, String version, String title, String status, boolean shipped,
                                OffsetDateTime createdAt, OffsetDateTime publishedAt, long requirementCount,
                                long assessableCount, Map<String, Long> countsByKind) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequirementView(String ref, String parent, String section, String kind, boolean assessable,
                                  boolean excludable, String title, String guidance, boolean newInVersion,
                                  Map<String, List<String>> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TreeNode(String ref, String kind, boolean assessable, String title, List<TreeNode> children) {
    }

    /** A mapping seen from the requested requirement: {@code direction} is OUTGOING when it is the source. */
    public record MappingView(String direction, String sourceCatalog, String sourceVersion, String sourceRef,
                              String targetFramework, String targetCatalog, String targetVersion, String targetRef,
                              String relationship) {
    }
}
