package io.gaplens.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A threat or vulnerability of one organisation, which risks can be linked to. */
@Entity
@Table(name = "risk_factor")
public class RiskFactor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FactorKind kind;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Likelihood points (-2 to +2) that a linked risk gains; the strongest linked factor of each kind counts. */
    @Column(name = "likelihood_adjustment", nullable = false)
    public int likelihoodAdjustment;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public static Optional<RiskFactor> find(String tenantId, FactorKind kind, UUID id) {
        return find("tenantId = ?1 and kind = ?2 and id = ?3", tenantId, kind, id).firstResultOptional();
    }

    public static boolean nameTaken(String tenantId, FactorKind kind, String name, UUID except) {
        return count("tenantId = ?1 and kind = ?2 and lower(name) = lower(?3) and id <> ?4",
                tenantId, kind, name, except == null ? new UUID(0, 0) : except) > 0;
    }
}
