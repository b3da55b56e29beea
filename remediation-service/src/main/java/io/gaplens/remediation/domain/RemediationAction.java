package io.gaplens.remediation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One remediation action of an assessment's plan. */
@Entity
@Table(name = "remediation_action")
public class RemediationAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionOrigin origin;

    @Column(name = "split_from_id")
    public UUID splitFromId;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(nullable = false)
    public int phase;

    @Column(nullable = false)
    public int priority;

    @Column(name = "priority_manual", nullable = false)
    public boolean priorityManual;

    public String owner;

    /** The calendar day, in the tenant's time zone, from which the default due date is counted. */
    @Column(name = "planned_on", nullable = false)
    public LocalDate plannedOn;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** True once a user set the due date, so that re-planning keeps it. */
    @Column(name = "due_date_manual", nullable = false)
    public boolean dueDateManual;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status;

    @Column(name = "blocked_reason")
    public String blockedReason;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "remediation_action_requirement", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "requirement_ref")
    public Set<String> requirementRefs = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "remediation_action_dependency", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "depends_on_id")
    public Set<UUID> dependsOn = new HashSet<>();

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public List<String> sortedRequirementRefs() {
        List<String> refs = new ArrayList<>(requirementRefs);
        refs.sort(null);
        return refs;
    }

    public static Optional<RemediationAction> findInTenant(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /**
     * Returns the actions of an assessment that cover {@code requirementRef}, in any status, locked
     * for update. A concurrent API update of one of them waits for the lock and then fails its
     * version check with 412, so the event does not fail.
     */
    public static List<RemediationAction> coveringForUpdate(String tenantId, UUID assessmentId, String requirementRef) {
        return find("tenantId = ?1 and assessmentId = ?2 and ?3 member of requirementRefs",
                Sort.by("createdAt").and("id"), tenantId, assessmentId, requirementRef)
                .<RemediationAction>withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
