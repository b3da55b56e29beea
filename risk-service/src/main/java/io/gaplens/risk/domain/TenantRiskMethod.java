package io.gaplens.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The risk method an organisation defined; organisations without one use the default method. */
@Entity
@Table(name = "risk_method")
public class TenantRiskMethod extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** The method as JSON, in the format of the risk-methods API. */
    @Column(nullable = false)
    public String definition;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<TenantRiskMethod> findByTenant(String tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }
}
