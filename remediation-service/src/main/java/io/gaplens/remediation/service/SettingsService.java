package io.gaplens.remediation.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.remediation.config.RemediationConfig;
import io.gaplens.remediation.domain.RemediationSettings;
import io.gaplens.remediation.domain.RiskLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and stores the per-tenant planning rules. A tenant without stored settings uses the
 * configured defaults, and its settings carry version 0; a stored row's version is its row
 * version plus one, so that the first update of the defaults and later updates differ.
 */
@ApplicationScoped
public class SettingsService {

    private static final Logger LOG = Logger.getLogger(SettingsService.class);

    @Inject
    RemediationConfig config;

    @Inject
    Clock clock;

    /** Planning rules of a tenant together with their version and last change. */
    public record VersionedRules(PlanningRules rules, long version, OffsetDateTime updatedAt, String updatedBy) {
    }

    public PlanningRules rulesFor(String tenantId) {
        return versioned(tenantId).rules();
    }

    public VersionedRules versioned(String tenantId) {
        RemediationSettings stored = RemediationSettings.findById(tenantId);
        if (stored == null) {
            return new VersionedRules(defaults(), 0, null, null);
        }
        return new VersionedRules(toRules(stored), stored.rowVersion + 1, stored.updatedAt, stored.updatedBy);
    }

    /** Replaces a tenant's rules; {@code ifMatch} must name the current version. */
    @Transactional
    public VersionedRules update(String tenantId, String user, String ifMatch, PlanningRules rules) {
        RemediationSettings stored = RemediationSettings.findById(tenantId);
        ETags.requireMatch(ifMatch, stored == null ? 0 : stored.rowVersion + 1);

        if (stored == null) {
            stored = new RemediationSettings();
            stored.tenantId = tenantId;
        }
        stored.timeZone = rules.timeZone().getId();
        stored.criticalDays = rules.dueDays().get(RiskLevel.CRITICAL);
        stored.highDays = rules.dueDays().get(RiskLevel.HIGH);
        stored.mediumDays = rules.dueDays().get(RiskLevel.MEDIUM);
        stored.lowDays = rules.dueDays().get(RiskLevel.LOW);
        stored.criticalPhase = rules.phases().get(RiskLevel.CRITICAL);
        stored.highPhase = rules.phases().get(RiskLevel.HIGH);
        stored.mediumPhase = rules.phases().get(RiskLevel.MEDIUM);
        stored.lowPhase = rules.phases().get(RiskLevel.LOW);
        stored.monitoringPhase = rules.monitoringPhase();
        stored.monitoringRequirements = String.join(",", rules.monitoringRequirements());
        stored.updatedAt = OffsetDateTime.now(clock);
        stored.updatedBy = user;
        stored.persistAndFlush();

        LOG.infof("tenant %s: remediation settings updated by %s", tenantId, user);
        return versioned(tenantId);
    }

    /** Parses a time zone id such as Europe/Berlin, failing with 400 on {@code field}. */
    public static ZoneId parseZone(String field, String zone) {
        if (zone == null || zone.isBlank()) {
            throw ApiException.invalid(field, "must not be blank");
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw ApiException.invalid(field, "unknown time zone '" + zone + "', expected an IANA id such as Europe/Berlin");
        }
    }

    private PlanningRules defaults() {
        RemediationConfig.Defaults defaults = config.defaults();
        return new PlanningRules(defaults.timeZone(),
                levels(defaults.criticalDays(), defaults.highDays(), defaults.mediumDays(), defaults.lowDays()),
                levels(defaults.criticalPhase(), defaults.highPhase(), defaults.mediumPhase(), defaults.lowPhase()),
                defaults.monitoringPhase(), List.copyOf(defaults.monitoringRequirements()));
    }

    private static PlanningRules toRules(RemediationSettings stored) {
        List<String> monitoring = stored.monitoringRequirements.isBlank() ? List.of()
                : Arrays.stream(stored.monitoringRequirements.split(",")).map(String::trim).toList();
        return new PlanningRules(ZoneId.of(stored.timeZone),
                levels(stored.criticalDays, stored.highDays, stored.mediumDays, stored.lowDays),
                levels(stored.criticalPhase, stored.highPhase, stored.mediumPhase, stored.lowPhase),
                stored.monitoringPhase, monitoring);
    }

    /** Returns a map with one value per risk level. */
    public static Map<RiskLevel, Integer> levels(int critical, int high, int medium, int low) {
        Map<RiskLevel, Integer> values = new EnumMap<>(RiskLevel.class);
        values.put(RiskLevel.CRITICAL, critical);
        values.put(RiskLevel.HIGH, high);
        values.put(RiskLevel.MEDIUM, medium);
        values.put(RiskLevel.LOW, low);
        return values;
    }
}
