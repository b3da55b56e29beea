package io.gaplens.risk.domain;

/** Criticality of the assets in an assessment's scope, as the assessment service sends it. */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
