package io.gaplens.remediation.service;

import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.RemediationCompleted;
import io.gaplens.platform.events.RemediationPlanned;
import io.gaplens.platform.outbox.EventPublisher;
import io.gaplens.remediation.domain.ActionChange;
import io.gaplens.remediation.domain.RemediationAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes an action's audit trail and its events, in the transaction that changes the action.
 * Events are keyed by assessment id and have the action id as subject.
 */
@ApplicationScoped
public class ActionJournal {

    /** The actor recorded for changes that events from other services cause. */
    public static final String SYSTEM_ACTOR = "remediation-service";

    @Inject
    EventPublisher events;

    /** Records a change of {@code field} when the value differs, and returns whether it did. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean change(RemediationAction action, String field, Object oldValue, Object newValue, String reason,
                          String actor, OffsetDateTime at) {
        String before = oldValue == null ? null : oldValue.toString();
        String after = newValue == null ? null : newValue.toString();
        if (Objects.equals(before, after)) {
            return false;
        }
        ActionChange change = new ActionChange();
        change.id = UUID.randomUUID();
        change.tenantId = action.tenantId;
        change.actionId = action.id;
        change.field = field;
        change.oldValue = before;
        change.newValue = after;
        change.reason = reason;
        change.changedBy = actor;
        change.changedAt = at;
        change.persist();
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void planned(RemediationAction action, OffsetDateTime at) {
        RemediationPlanned payload = new RemediationPlanned(action.tenantId, action.id, action.assessmentId,
                action.sortedRequirementRefs(), action.title, action.phase, action.priority,
                action.riskLevel == null ? null : action.riskLevel.name(), action.owner, action.dueDate,
                action.status.name(), at);
        events.publish(EventType.REMEDIATION_PLANNED, action.tenantId, action.id.toString(),
                action.assessmentId.toString(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void completed(RemediationAction action) {
        RemediationCompleted payload = new RemediationCompleted(action.tenantId, action.id, action.assessmentId,
                action.sortedRequirementRefs(), action.completedBy, action.completedAt);
        events.publish(EventType.REMEDIATION_COMPLETED, action.tenantId, action.id.toString(),
                action.assessmentId.toString(), payload);
    }
}
