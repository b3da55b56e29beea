package io.gaplens.reporting.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One requirement of an assessment with its latest answer. */
@Entity
@Table(name = "requirement_result")
public class RequirementResult extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public String ref;

    @Column(nullable = false)
    public String title;

    /** CLAUSE or CONTROL. */
    @Column(nullable = false)
    public String kind;

    /** The clause (4-10) or Annex A theme (A.5-A.8) the requirement belongs to. */
    @Column(name = "group_ref", nullable = false)
    public String groupRef;

    public Boolean excludable;

    /** The order of the requirement in AssessmentStarted, null for a requirement it did not list. */
    public Integer position;

    /** The implementation status: NOT_ASSESSED until an answer arrives. */
    @Column(nullable = false)
    public String status;

    public Integer maturity;

    @Column(name = "target_maturity")
    public Integer targetMaturity;

    @Column(name = "status_at")
    public OffsetDateTime statusAt;

    public String justification;

    /** Inclusion reasons joined by commas, in the order of the answer. */
    @Column(name = "inclusion_reasons")
    public String inclusionReasons;

    /** The evidence list of the answer as a JSON array. */
    public String evidence;

    public String notes;

    @Column(name = "carried_over", nullable = false)
    public boolean carriedOver;

    @Column(nullable = false)
    public boolean remediated;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "gap_identified_at")
    public OffsetDateTime gapIdentifiedAt;

    @Column(name = "gap_closed_at")
    public OffsetDateTime gapClosedAt;

    /** Lists the requirements of an assessment in catalogue order; unlisted ones come last, by reference. */
    public static List<RequirementResult> listFor(String tenantId, UUID assessmentId) {
        return list("tenantId = ?1 and assessmentId = ?2 order by position nulls last, ref", tenantId, assessmentId);
    }
}
