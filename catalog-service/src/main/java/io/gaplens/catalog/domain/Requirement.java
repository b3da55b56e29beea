package io.gaplens.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A node of a catalogue version's tree: a clause, a control or a grouping node. */
@Entity
@Table(name = "requirement")
public class Requirement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_version_id")
    public CatalogVersion catalogVersion;

    @Column(nullable = false)
    public String ref;

    @Column(name = "parent_ref")
    public String parentRef;

    /** The root ancestor's reference: the clause (4-10) or Annex A theme or domain. */
    @Column(name = "section_ref", nullable = false)
    public String sectionRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequirementKind kind;

    public boolean assessable;

    public boolean excludable;

    @Column(nullable = false)
    public String title;

    public String guidance;

    @Column(name = "new_in_version")
    public boolean newInVersion;

    public int position;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "requirement_attribute", joinColumns = @JoinColumn(name = "requirement_id"))
    public Set<Attribute> attributes = new LinkedHashSet<>();

    /** One ISO/IEC 27002:2022 attribute value, such as {@code controlType = preventive}. */
    @Embeddable
    public record Attribute(String name, String value) {
    }
}
