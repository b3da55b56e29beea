package io.gaplens.assessment.domain;

/** How far a requirement is implemented, as the assessor found it. */
public enum ImplementationStatus {
    NOT_ASSESSED,
    NOT_IMPLEMENTED,
    PARTIALLY_IMPLEMENTED,
    IMPLEMENTED,
    NOT_APPLICABLE;

    /** Returns whether the requirement was assessed and found applicable, so that it counts in compliance figures. */
    public boolean isApplicableAndAssessed() {
        return this == NOT_IMPLEMENTED || this == PARTIALLY_IMPLEMENTED || this == IMPLEMENTED;
    }
}
