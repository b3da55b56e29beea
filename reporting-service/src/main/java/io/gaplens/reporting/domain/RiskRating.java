package io.gaplens.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The latest rating of one risk behind a gap. */
@Entity
@Table(name = "risk_rating")
public class RiskRating extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "risk_id", nullable = false)
    public UUID riskId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "requirement_ref", nullable = false)
    public String requirementRef;

    @Column(name = "requirement_title", nullable = false)
    public String requirementTitle;

    @Column(name = "group_ref")
    public String groupRef;

    public int likelihood;

    public int impact;

    public int score;

    @Column(nullable = false)
    public String level;

    @Column(name = "residual_likelihood")
    public Integer residualLikelihood;

    @Column(name = "residual_impact")
    public Integer residualImpact;

    @Column(name = "residual_level")
    public String residualLevel;

    /** OPEN or CLOSED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "assessed_at", nullable = false)
    public OffsetDateTime assessedAt;

    public boolean open() {
        return "OPEN".equals(status);
    }

    public static List<RiskRating> listFor(String tenantId, UUID assessmentId) {
        return list("tenantId = ?1 and assessmentId = ?2 order by requirementRef, riskId", tenantId, assessmentId);
    }
}
