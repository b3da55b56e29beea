package io.gaplens.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The scope criticality of one assessment, shared by the impact ratings of all its risks. */
@Entity
@Table(name = "assessment_scope")
public class AssessmentScope extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criticality criticality;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<AssessmentScope> find(String tenantId, UUID assessmentId) {
        return find("tenantId = ?1 and assessmentId = ?2", tenantId, assessmentId).firstResultOptional();
    }
}
