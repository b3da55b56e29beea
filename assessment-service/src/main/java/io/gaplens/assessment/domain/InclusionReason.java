package io.gaplens.assessment.domain;

/** Why a control is included in the Statement of Applicability. */
public enum InclusionReason {
    RISK_ASSESSMENT,
    LEGAL,
    REGULATORY,
    CONTRACTUAL,
    BUSINESS_REQUIREMENT,
    BEST_PRACTICE
}
