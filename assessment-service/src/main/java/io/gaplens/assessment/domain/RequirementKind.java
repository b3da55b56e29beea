package io.gaplens.assessment.domain;

/** The assessable kinds of catalogue requirement: a management-system clause or an Annex A (or custom) control. */
public enum RequirementKind {
    CLAUSE,
    CONTROL
}
