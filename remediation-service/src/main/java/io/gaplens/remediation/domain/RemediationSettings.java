package io.gaplens.remediation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A tenant's own planning rules; without a row the configured defaults apply. */
@Entity
@Table(name = "remediation_settings")
public class RemediationSettings extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "critical_days", nullable = false)
    public int criticalDays;

    @Column(name = "high_days", nullable = false)
    public int highDays;

    @Column(name = "medium_days", nullable = false)
    public int mediumDays;

    @Column(name = "low_days", nullable = false)
    public int lowDays;

    @Column(name = "critical_phase", nullable = false)
    public int criticalPhase;

    @Column(name = "high_phase", nullable = false)
    public int highPhase;

    @Column(name = "medium_phase", nullable = false)
    public int mediumPhase;

    @Column(name = "low_phase", nullable = false)
    public int lowPhase;

    @Column(name = "monitoring_phase", nullable = false)
    public int monitoringPhase;

    /** Comma-separated requirement references. */
    @Column(name = "monitoring_requirements", nullable = false)
    public String monitoringRequirements;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
