package io.gaplens.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The state of one remediation action. Planning columns are null until RemediationPlanned arrived. */
@Entity
@Table(name = "remediation_action")
public class RemediationAction extends PanacheEntityBase {

    /** The status this service sets when RemediationCompleted arrives. */
    public static final String COMPLETED = "COMPLETED";

    /** The status of an action that was dropped; reports leave it out. */
    public static final String CANCELLED = "CANCELLED";

    /** Statuses that count as done: this service's own, and the remediation service's DONE and VERIFIED. */
    private static final Set<String> COMPLETED_STATUSES = Set.of(COMPLETED, "DONE", "VERIFIED");

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    /** The references of the requirements the action remediates, as a JSON array. */
    @Column(name = "requirement_refs", nullable = false)
    public String requirementRefs;

    public String title;

    /** 1 immediate fixes, 2 process improvement, 3 ongoing monitoring. */
    public Integer phase;

    public Integer priority;

    @Column(name = "risk_level")
    public String riskLevel;

    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String status;

    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    @Column(name = "planned_at")
    public OffsetDateTime plannedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    /** The due date that RemediationOverdue reported as passed. */
    @Column(name = "overdue_due_date")
    public LocalDate overdueDueDate;

    @Column(name = "overdue_detected_at")
    public OffsetDateTime overdueDetectedAt;

    public static boolean isCompleted(String status) {
        return COMPLETED_STATUSES.contains(status);
    }

    public boolean completed() {
        return isCompleted(status);
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    /** Returns true when RemediationOverdue named the current due date and the action is still unfinished. */
    public boolean overdue() {
        return !completed() && overdueDueDate != null && overdueDueDate.equals(dueDate);
    }

    public static List<RemediationAction> listFor(String tenantId, UUID assessmentId) {
        return list("tenantId = ?1 and assessmentId = ?2 order by phase nulls last, priority nulls last, dueDate nulls last, actionId",
                tenantId, assessmentId);
    }
}
