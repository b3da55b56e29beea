package io.gaplens.remediation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of an action's audit trail: the changed field, its old and new value, who changed it, when and why. */
@Entity
@Table(name = "remediation_action_change")
public class ActionChange extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(nullable = false)
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
