package io.gaplens.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One tenant's assessment against a pinned catalogue version. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "catalog_id", nullable = false)
    public String catalogId;

    @Column(name = "catalog_version", nullable = false)
    public String catalogVersion;

    @Column(name = "catalog_title", nullable = false)
    public String catalogTitle;

    @Column(name = "target_maturity")
    public int targetMaturity;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Convert(converter = JsonColumns.ScopeDocument.class)
    @Column(nullable = false)
    public Scope scope = Scope.empty();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;

    @Column(name = "baseline_assessment_id")
    public UUID baselineAssessmentId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "archived_at")
    public OffsetDateTime archivedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /** Finds an assessment of {@code tenant}; another tenant's assessment is not found. */
    public static Optional<Assessment> findForTenant(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }
}
