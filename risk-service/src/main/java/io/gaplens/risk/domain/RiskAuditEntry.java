package io.gaplens.risk.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to a risk's rating, treatment or status: who made it, when, and the values before and after. */
@Entity
@Table(name = "risk_audit")
public class RiskAuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "risk_id", nullable = false)
    public UUID riskId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** The user, or the event ({@code event <ce_type> <ce_id>}) that caused the change. */
    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String note;

    /** The risk's rating and treatment as JSON before the change; null when the risk was created. */
    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value", nullable = false)
    public String newValue;
}
