package io.gaplens.catalog.domain;

/**
 * The kinds of node in a catalogue tree. Clauses of ISO/IEC 27001 can never be excluded from an
 * assessment; controls can, with a justification.
 */
public enum RequirementKind {
    /** A management-system clause or sub-clause (4-10). */
    CLAUSE,
    /** An Annex A theme of the 2022 edition (A.5-A.8). */
    THEME,
    /** An Annex A domain of the 2013 edition (A.5-A.18). */
    DOMAIN,
    /** A control objective of the 2013 edition, such as A.9.2. */
    CATEGORY,
    /** Any other grouping node, as custom catalogues use. */
    GROUP,
    /** An Annex A or custom control. */
    CONTROL;

    public boolean isExcludable() {
        return this == CONTROL;
    }
}
