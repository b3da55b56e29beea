package io.gaplens.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A relationship from a requirement of one catalogue version to one of another, in the OSCAL
 * mapping vocabulary. {@code targetVersion} is null when the target framework is only a label.
 */
@Entity
@Table(name = "requirement_mapping")
public class RequirementMapping extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_version_id")
    public CatalogVersion sourceVersion;

    @Column(name = "source_ref", nullable = false)
    public String sourceRef;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_version_id")
    public CatalogVersion targetVersion;

    @Column(name = "target_framework", nullable = false)
    public String targetFramework;

    @Column(name = "target_ref", nullable = false)
    public String targetRef;

    @Column(nullable = false)
    public String relationship;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
