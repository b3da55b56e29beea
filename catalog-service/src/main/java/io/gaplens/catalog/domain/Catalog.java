package io.gaplens.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A framework or control set. {@code tenantId} is null for the catalogues shipped with GapLens. */
@Entity
@Table(name = "catalog")
public class Catalog extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "catalog_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String title;

    public String publisher;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public boolean isShipped() {
        return tenantId == null;
    }

    /** Finds the catalogue {@code key} that {@code tenant} can read: a shipped one or its own. */
    public static Optional<Catalog> findVisible(String tenant, String key) {
        return find("key = ?1 and (tenantId is null or tenantId = ?2)", key, tenant).firstResultOptional();
    }
}
