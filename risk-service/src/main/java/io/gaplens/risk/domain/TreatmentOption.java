package io.gaplens.risk.domain;

/** The ISO/IEC 27001 risk treatment options. Only MITIGATE changes the residual rating. */
public enum TreatmentOption {
    MITIGATE,
    ACCEPT,
    TRANSFER,
    AVOID
}
