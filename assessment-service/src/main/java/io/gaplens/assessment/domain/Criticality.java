package io.gaplens.assessment.domain;

/** How critical an asset in scope is to the organisation, in ascending order. */
public enum Criticality {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH
}
