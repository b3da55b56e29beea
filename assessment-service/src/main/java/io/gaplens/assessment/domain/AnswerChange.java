package io.gaplens.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an answer's audit trail: who changed it, when, how, and its value before and after as JSON. */
@Entity
@Table(name = "answer_change")
public class AnswerChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "requirement_ref", nullable = false)
    public String requirementRef;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeSource source;

    @Column(name = "old_value", nullable = false)
    public String oldValue;

    @Column(name = "new_value", nullable = false)
    public String newValue;
}
