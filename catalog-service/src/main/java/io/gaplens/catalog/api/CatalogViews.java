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

    /** The outcome of a mapping import: how many rows were stored, per framework column. */
    public record MappingImportResult(String catalogId, String version, int mappingCount, int mappedControlCount,
                                      List<String> controlsWithoutMapping, List<FrameworkColumn> frameworks) {
    }

    /**
     * One framework column of a mapping file. {@code targetCatalog} and {@code targetVersion} are null
     * when the framework is not a catalogue in GapLens and its name is kept as a label.
     */
    public record FrameworkColumn(String column, String framework, String targetCatalog, String targetVersion,
                                  int mappingCount) {
    }

    /**
     * Coverage of the assessable requirements of a target catalogue version by the controls of a
     * source catalogue mapped to it.
     */
    public record CoverageView(String sourceCatalog, String sourceVersion, String targetCatalog,
                               String targetVersion, List<String> sections, int targetRequirementCount,
                               int coveredCount, int uncoveredCount, List<SectionCoverage> bySection,
                               List<CoveredRequirement> covered, List<TargetRequirement> uncovered,
                               List<String> sourceControlsWithoutMapping) {
    }

    /** Counts of one top-level section of the target, such as theme A.5 or clause 9. */
    public record SectionCoverage(String section, String title, int targetRequirementCount, int coveredCount,
                                  int uncoveredCount) {
    }

    /** A target requirement with the source controls that map to it, in source document order. */
    public record CoveredRequirement(String ref, String section, String title, List<String> sourceRefs) {
    }

    public record TargetRequirement(String ref, String section, String title) {
    }

    /** Differences between two versions of one catalogue, matched by requirement reference. */
    public record VersionDiff(String catalogId, String from, String to, int addedCount, int removedCount,
                              int changedCount, List<RequirementView> added, List<RequirementView> removed,
                              List<ChangedRequirement> changed) {
    }

    /** A requirement present in both versions; {@code fields} names what differs, such as title or parent. */
    public record ChangedRequirement(String ref, List<String> fields, RequirementView from, RequirementView to) {
    }
}
