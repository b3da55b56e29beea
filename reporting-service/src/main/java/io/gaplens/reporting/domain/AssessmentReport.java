package io.gaplens.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The header of an assessment as the events describe it, and the latest event its reports reflect. */
@Entity
@Table(name = "assessment_report")
public class AssessmentReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    /** Null until AssessmentStarted arrived. */
    public String name;

    @Column(name = "catalog_id")
    public String catalogId;

    @Column(name = "catalog_version")
    public String catalogVersion;

    @Column(name = "target_maturity")
    public Integer targetMaturity;

    @Column(name = "baseline_assessment_id")
    public UUID baselineAssessmentId;

    @Column(name = "assessable_count")
    public Integer assessableCount;

    @Column(name = "scope_criticality")
    public String scopeCriticality;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "event_count", nullable = false)
    public long eventCount;

    @Column(name = "latest_event_id", nullable = false)
    public String latestEventId;

    @Column(name = "latest_event_type", nullable = false)
    public String latestEventType;

    @Column(name = "latest_event_at", nullable = false)
    public OffsetDateTime latestEventAt;

    public static Optional<AssessmentReport> findFor(String tenantId, UUID assessmentId) {
        return find("tenantId = ?1 and assessmentId = ?2", tenantId, assessmentId).firstResultOptional();
    }

    /** Returns one page of the tenant's assessments, most recently changed first. */
    public static List<AssessmentReport> pageFor(String tenantId, int offset, int size) {
        return find("tenantId = ?1 order by latestEventAt desc, assessmentId", tenantId)
                .range(offset, offset + size - 1)
                .list();
    }

    public static long countFor(String tenantId) {
        return count("tenantId", tenantId);
    }
}
