package io.gaplens.remediation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A gap of an assessment as last rated by the risk service, or closed by a re-assessment. */
@Entity
@Table(name = "remediation_gap")
public class RemediationGap extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "requirement_ref", nullable = false)
    public String requirementRef;

    @Column(name = "requirement_title")
    public String requirementTitle;

    @Column(name = "risk_id")
    public UUID riskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public RiskLevel riskLevel;

    @Column(name = "risk_score")
    public Integer riskScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GapStatus status;

    /** When the rating or closure that this row reflects happened; older events are ignored. */
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<RemediationGap> find(String tenantId, UUID assessmentId, String requirementRef) {
        return find("tenantId = ?1 and assessmentId = ?2 and requirementRef = ?3", tenantId, assessmentId,
                requirementRef).firstResultOptional();
    }

    public static List<RemediationGap> of(String tenantId, UUID assessmentId, Collection<String> requirementRefs) {
        if (requirementRefs.isEmpty()) {
            return List.of();
        }
        return list("tenantId = ?1 and assessmentId = ?2 and requirementRef in ?3", tenantId, assessmentId,
                requirementRefs);
    }
}
