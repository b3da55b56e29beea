package io.gaplens.assessment.domain;

/** The lifecycle of an assessment: draft, in progress, completed (read-only), archived. */
public enum AssessmentStatus {
    DRAFT,
    IN_PROGRESS,
    COMPLETED,
    ARCHIVED;

    /** Returns whether an assessment in this status may move to {@code next}. */
    public boolean canMoveTo(AssessmentStatus next) {
        return switch (this) {
            case DRAFT -> next == IN_PROGRESS;
            case IN_PROGRESS -> next == COMPLETED;
            case COMPLETED -> next == ARCHIVED;
            case ARCHIVED -> false;
        };
    }

    public boolean isReadOnly() {
        return this == COMPLETED || this == ARCHIVED;
    }
}
