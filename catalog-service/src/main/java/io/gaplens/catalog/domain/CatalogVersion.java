package io.gaplens.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a catalogue, with its own tree of requirements. */
@Entity
@Table(name = "catalog_version")
public class CatalogVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "catalog_id")
    public Catalog catalog;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VersionStatus status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public boolean isPublished() {
        return status == VersionStatus.PUBLISHED;
    }

    public static Optional<CatalogVersion> find(Catalog catalog, String version) {
        return find("catalog = ?1 and version = ?2", catalog, version).firstResultOptional();
    }

    public static List<CatalogVersion> listOf(Catalog catalog) {
        return list("catalog = ?1 order by createdAt, version", catalog);
    }
}
