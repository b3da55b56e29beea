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

/** An interview held for an assessment, linked to the answers of the requirements it covered. */
@Entity
@Table(name = "interview")
public class Interview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "interviewee_role", nullable = false)
    public String intervieweeRole;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(nullable = false)
    public List<String> topics = List.of();

    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "requirement_refs", nullable = false)
    public List<String> requirementRefs = List.of();

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
