package io.gaplens.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/** An assessment's copy of one assessable requirement of its pinned catalogue version. */
@Entity
@Table(name = "assessment_requirement")
public class AssessmentRequirement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public String ref;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequirementKind kind;

    /** The clause (4-10) or Annex A theme (A.5-A.8) the requirement belongs to. */
    @Column(name = "group_ref", nullable = false)
    public String groupRef;

    /** Whether the requirement may be answered NOT_APPLICABLE: true for controls, false for clauses. */
    public boolean excludable;

    public int position;

    /** The ISO/IEC 27002 security properties (confidentiality, integrity, availability) when the catalogue has them. */
    @Convert(converter = JsonColumns.StringList.class)
    @Column(name = "security_properties", nullable = false)
    public List<String> securityProperties = List.of();

    public static List<AssessmentRequirement> listOf(UUID assessmentId) {
        return list("assessmentId = ?1 order by position", assessmentId);
    }
}
