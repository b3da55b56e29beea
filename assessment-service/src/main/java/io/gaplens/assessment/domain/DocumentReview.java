package io.gaplens.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A review of one document for an assessment, linked to the answers of the requirements it covered. */
@Entity
@Table(name = "document_review")
public class DocumentReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public String document;

    @Column(name = "document_version")
    public String documentVersion;

    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "requirement_refs", nullable = false)
    public List<String> requirementRefs = List.of();

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
