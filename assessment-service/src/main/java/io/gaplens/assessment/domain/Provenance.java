package io.gaplens.assessment.domain;

/**
 * Where an imported answer came from when it did not name the requirement directly: a requirement
 * of another catalogue version (such as ISO/IEC 27001:2013 A.9.2.3) and the mapping's relationship.
 */
public record Provenance(String sourceCatalogId, String sourceVersion, String sourceRef, String relationship,
                         Integer line) {
}
