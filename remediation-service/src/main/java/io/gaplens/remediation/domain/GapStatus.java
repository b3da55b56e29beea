package io.gaplens.remediation.domain;

public enum GapStatus {
    OPEN, CLOSED
}
