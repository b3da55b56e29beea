package io.gaplens.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The risk behind one gap: one entry per (tenant, assessment, requirement). It keeps the inputs of
 * its rating, the computed and the chosen values, the treatment and the residual rating.
 */
@Entity
@Table(name = "risk")
public class Risk extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "requirement_ref", nullable = false)
    public String requirementRef;

    @Column(name = "requirement_title", nullable = false)
    public String requirementTitle;

    @Column(name = "requirement_kind")
    public String requirementKind;

    /** The clause (4-10) or Annex A theme of the requirement. */
    @Column(name = "requirement_group")
    public String requirementGroup;

    /** The implementation status from the last GapIdentified, such as PARTIALLY_IMPLEMENTED. */
    @Column(name = "gap_status", nullable = false)
    public String gapStatus;

    public Integer maturity;

    @Column(name = "target_maturity", nullable = false)
    public int targetMaturity;

    @Convert(converter = LinesConverter.class)
    @Column(name = "security_properties", nullable = false)
    public List<String> securityProperties;

    @Column(name = "computed_likelihood", nullable = false)
    public int computedLikelihood;

    @Column(name = "computed_impact", nullable = false)
    public int computedImpact;

    @Convert(converter = LinesConverter.class)
    @Column(name = "likelihood_reasons", nullable = false)
    public List<String> likelihoodReasons;

    @Convert(converter = LinesConverter.class)
    @Column(name = "impact_reasons", nullable = false)
    public List<String> impactReasons;

    @Column(name = "chosen_likelihood")
    public Integer chosenLikelihood;

    @Column(name = "chosen_impact")
    public Integer chosenImpact;

    @Column(name = "chosen_rationale")
    public String chosenRationale;

    @Column(name = "chosen_by")
    public String chosenBy;

    @Column(name = "chosen_at")
    public OffsetDateTime chosenAt;

    /** Effective inherent likelihood: the chosen value when a risk manager set one, else the computed one. */
    @Column(nullable = false)
    public int likelihood;

    @Column(nullable = false)
    public int impact;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public String level;

    @Enumerated(EnumType.STRING)
    public TreatmentOption treatment;

    @Column(name = "treatment_owner")
    public String treatmentOwner;

    @Column(name = "treatment_rationale")
    public String treatmentRationale;

    @Column(name = "treatment_decided_on")
    public LocalDate treatmentDecidedOn;

    @Column(name = "treatment_approver")
    public String treatmentApprover;

    @Column(name = "treatment_expires_on")
    public LocalDate treatmentExpiresOn;

    /** The likelihood a mitigation is expected to leave, as the risk manager gave it. */
    @Column(name = "expected_likelihood")
    public Integer expectedLikelihood;

    @Column(name = "expected_impact")
    public Integer expectedImpact;

    @Column(name = "residual_likelihood", nullable = false)
    public int residualLikelihood;

    @Column(name = "residual_impact", nullable = false)
    public int residualImpact;

    @Column(name = "residual_score", nullable = false)
    public int residualScore;

    @Column(name = "residual_level", nullable = false)
    public String residualLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RiskStatus status;

    @Column(name = "identified_at", nullable = false)
    public OffsetDateTime identifiedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    @ManyToMany
    @JoinTable(name = "risk_factor_link",
            joinColumns = @JoinColumn(name = "risk_id"),
            inverseJoinColumns = @JoinColumn(name = "factor_id"))
    public Set<RiskFactor> factors = new HashSet<>();

    public static Optional<Risk> find(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static Optional<Risk> findForGap(String tenantId, UUID assessmentId, String requirementRef) {
        return find("tenantId = ?1 and assessmentId = ?2 and requirementRef = ?3", tenantId, assessmentId,
                requirementRef).firstResultOptional();
    }

    public static List<Risk> openInAssessment(String tenantId, UUID assessmentId) {
        return list("tenantId = ?1 and assessmentId = ?2 and status = ?3 order by requirementRef",
                tenantId, assessmentId, RiskStatus.OPEN);
    }

    public static List<Risk> openInTenant(String tenantId) {
        return list("tenantId = ?1 and status = ?2 order by assessmentId, requirementRef", tenantId, RiskStatus.OPEN);
    }

    public static List<Risk> linkedTo(RiskFactor factor) {
        return find("select r from Risk r join r.factors f where f = ?1 order by r.requirementRef", factor).list();
    }
}
