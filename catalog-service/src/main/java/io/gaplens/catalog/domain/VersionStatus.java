package io.gaplens.catalog.domain;

/** A draft version can be replaced by a new import; a published one never changes. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED
}
