package io.gaplens.assessment.domain;

/** What changed an answer: a single update, a bulk import, the copy from a baseline, or a completed remediation. */
public enum ChangeSource {
    API,
    IMPORT,
    BASELINE,
    REMEDIATION
}
