package io.gaplens.risk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.api.ETags;
import io.gaplens.risk.domain.TenantRiskMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and replaces an organisation's risk method. The ETag of the default method is "0"; a
 * stored method's ETag is its row version plus one, so that the first replacement also needs the
 * ETag of what the client read.
 */
@ApplicationScoped
public class RiskMethods {

    private static final Logger LOG = Logger.getLogger(RiskMethods.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    RiskRegister register;

    /** The method in force for a tenant, where it comes from, and its ETag version. */
    public record Current(RiskMethod method, boolean custom, long etagVersion, OffsetDateTime updatedAt,
                          String updatedBy) {
    }

    public Current current(String tenantId) {
        Optional<TenantRiskMethod> stored = TenantRiskMethod.findByTenant(tenantId);
        if (stored.isEmpty()) {
            return new Current(RiskMethod.DEFAULT, false, 0, null, null);
        }
        TenantRiskMethod row = stored.get();
        return new Current(read(row.definition), true, row.rowVersion + 1, row.updatedAt, row.updatedBy);
    }

    public RiskMethod methodOf(String tenantId) {
        return TenantRiskMethod.findByTenant(tenantId).map(row -> read(row.definition)).orElse(RiskMethod.DEFAULT);
    }

    /**
     * Replaces the tenant's method and re-rates every open risk of the tenant under it.
     *
     * @return the stored method; every risk whose rating changed has sent RiskAssessed
     */
    @Transactional
    public Current replace(String tenantId, String ifMatch, JsonNode body, String user) {
        Optional<TenantRiskMethod> stored = TenantRiskMethod.findByTenant(tenantId);
        ETags.requireMatch(ifMatch, stored.map(row -> row.rowVersion + 1).orElse(0L));
        RiskMethod method = RiskMethodParser.parse(body);

        TenantRiskMethod row = stored.orElseGet(() -> {
            TenantRiskMethod created = new TenantRiskMethod();
            created.id = UUID.randomUUID();
            created.tenantId = tenantId;
            return created;
        });
        row.definition = write(method);
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.updatedBy = user;
        row.persistAndFlush();

        int changed = register.rerateTenant(tenantId, method, user, "risk method replaced");
        LOG.infof("tenant %s: risk method replaced (%d x %d, %d levels), %d risks re-rated with a changed rating",
                tenantId, method.likelihoodSize(), method.impactSize(), method.levels().size(), changed);
        return new Current(method, true, row.rowVersion + 1, row.updatedAt, row.updatedBy);
    }

    private RiskMethod read(String definition) {
        try {
            return objectMapper.readValue(definition, RiskMethod.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored risk method is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(RiskMethod method) {
        try {
            return objectMapper.writeValueAsString(method);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Risk method cannot be written as JSON", e);
        }
    }
}
