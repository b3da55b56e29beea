package io.gaplens.remediation.service;

import io.gaplens.remediation.domain.GapStatus;
import io.gaplens.remediation.domain.RemediationAction;
import io.gaplens.remediation.domain.RemediationGap;
import io.gaplens.remediation.domain.RiskLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Derives an action's level, phase, priority and due date from the gaps it covers and the
 * tenant's rules. An action's level is the highest level among the open rated gaps it covers;
 * an action that covers no open rated gap keeps the level it has. A priority or due date set by
 * hand is kept.
 */
@ApplicationScoped
public class Replanner {

    @Inject
    ActionJournal journal;

    /** Returns the level the action's open gaps give it, or its current level when none is rated. */
    public RiskLevel levelOf(RemediationAction action) {
        RiskLevel level = null;
        for (RemediationGap gap : RemediationGap.of(action.tenantId, action.assessmentId, action.requirementRefs)) {
            if (gap.status == GapStatus.OPEN && gap.riskLevel != null) {
                level = RiskLevel.highest(level, gap.riskLevel);
            }
        }
        return level != null ? level : action.riskLevel;
    }

    /** Fills level, phase, priority and due date of a new action that has a level. */
    public void planNew(RemediationAction action, PlanningRules rules) {
        action.phase = rules.phaseFor(action.riskLevel, action.requirementRefs);
        if (!action.priorityManual) {
            action.priority = action.riskLevel.defaultPriority();
        }
        if (!action.dueDateManual) {
            action.dueDate = rules.dueDateFor(action.riskLevel, action.plannedOn);
        }
    }

    /**
     * Re-plans an unfinished action from its gaps and records each changed field. Returns whether
     * anything changed; the caller then sends RemediationPlanned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replan(RemediationAction action, PlanningRules rules, String reason, String actor,
                          OffsetDateTime now) {
        RiskLevel level = levelOf(action);
        if (level == null || !action.status.isUnfinished()) {
            return false;
        }
        int phase = rules.phaseFor(level, action.requirementRefs);
        int priority = action.priorityManual ? action.priority : level.defaultPriority();
        var dueDate = action.dueDateManual ? action.dueDate : rules.dueDateFor(level, action.plannedOn);

        boolean changed = false;
        for (Object[] change : List.of(
                new Object[] {"riskLevel", action.riskLevel, level},
                new Object[] {"phase", action.phase, phase},
                new Object[] {"priority", action.priority, priority},
                new Object[] {"dueDate", action.dueDate, dueDate})) {
            changed |= journal.change(action, (String) change[0], change[1], change[2], reason, actor, now);
        }
        if (changed) {
            action.riskLevel = level;
            action.phase = phase;
            action.priority = priority;
            action.dueDate = dueDate;
            action.updatedAt = now;
        }
        return changed;
    }
}
