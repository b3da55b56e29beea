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

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The answer to one assessable requirement of an assessment. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "requirement_ref", nullable = false)
    public String requirementRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImplementationStatus status = ImplementationStatus.NOT_ASSESSED;

    public Integer maturity;

    public String justification;

    @Convert(converter = JsonColumns.InclusionReasons.class)
    @Column(name = "inclusion_reasons", nullable = false)
    public List<InclusionReason> inclusionReasons = List.of();

    public String notes;

    @Convert(converter = JsonColumns.EvidenceList.class)
    @Column(nullable = false)
    public List<Evidence> evidence = List.of();

    public String assessor;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    /** Copied from the baseline assessment and not reviewed since. */
    @Column(name = "carried_over")
    public boolean carriedOver;

    /** Needs an assessor's review: carried over, or imported through a mapping to several requirements. */
    @Column(name = "review_required")
    public boolean reviewRequired;

    @Convert(converter = JsonColumns.ProvenanceList.class)
    @Column(nullable = false)
    public List<Provenance> provenance = List.of();

    /** Whether the current answer leaves a gap; kept to decide between GapIdentified and GapClosed. */
    public boolean gap;

    /** A remediation action was completed and the requirement awaits re-evaluation; a new answer clears it. */
    public boolean remediated;

    @Column(name = "remediation_action_id")
    public UUID remediationActionId;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<Answer> find(UUID assessmentId, String ref) {
        return find("assessmentId = ?1 and requirementRef = ?2", assessmentId, ref).firstResultOptional();
    }

    public static List<Answer> listOf(UUID assessmentId) {
        return list("assessmentId", assessmentId);
    }
}
