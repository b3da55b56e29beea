package io.gaplens.remediation.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The workflow of a remediation action. DONE may go back to IN_PROGRESS when verification finds
 * the fix incomplete; VERIFIED and CANCELLED are final.
 */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, BLOCKED, DONE, VERIFIED, CANCELLED;

    /** Statuses of actions whose work is not finished: they can be re-planned and become overdue. */
    public static final Set<ActionStatus> UNFINISHED = EnumSet.of(PLANNED, IN_PROGRESS, BLOCKED);

    public Set<ActionStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(BLOCKED, DONE, CANCELLED);
            case BLOCKED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case DONE -> EnumSet.of(VERIFIED, IN_PROGRESS);
            case VERIFIED, CANCELLED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canBecome(ActionStatus target) {
        return next().contains(target);
    }

    public boolean isUnfinished() {
        return UNFINISHED.contains(this);
    }

    /** True for DONE and VERIFIED, which count as done in plan progress. */
    public boolean countsAsDone() {
        return this == DONE || this == VERIFIED;
    }
}
