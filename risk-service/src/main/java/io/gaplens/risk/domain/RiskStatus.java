package io.gaplens.risk.domain;

/** OPEN while the gap exists; CLOSED once GapClosed arrived. A later GapIdentified opens it again. */
public enum RiskStatus {
    OPEN,
    CLOSED
}
