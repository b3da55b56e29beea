package io.gaplens.risk.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.api.FieldError;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskFactor;
import io.gaplens.risk.domain.RiskStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Threats and vulnerabilities of an organisation. Changing or deleting one re-rates the open risks linked to it. */
@ApplicationScoped
public class RiskFactors {

    private static final Logger LOG = Logger.getLogger(RiskFactors.class);
    public static final int MIN_ADJUSTMENT = -2;
    public static final int MAX_ADJUSTMENT = 2;

    @Inject
    RiskRegister register;

    /** A threat or vulnerability as a client sends it. */
    public record FactorRequest(String name, String description, Integer likelihoodAdjustment) {
    }

    public static RiskFactor find(String tenantId, FactorKind kind, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(label(kind), id);
        }
        return RiskFactor.find(tenantId, kind, uuid).orElseThrow(() -> ApiException.notFound(label(kind), id));
    }

    public Page<RiskFactor> list(String tenantId, FactorKind kind, PageRequest page) {
        var query = RiskFactor.find("tenantId = ?1 and kind = ?2", Sort.by("name").and("id"), tenantId, kind);
        List<RiskFactor> items = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        return Page.of(items, page, query.count());
    }

    @Transactional
    public RiskFactor create(String tenantId, FactorKind kind, FactorRequest request) {
        validate(tenantId, kind, request, null);
        RiskFactor factor = new RiskFactor();
        factor.id = UUID.randomUUID();
        factor.tenantId = tenantId;
        factor.kind = kind;
        factor.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(factor, request);
        factor.persistAndFlush();
        LOG.infof("tenant %s: %s %s '%s' created", tenantId, label(kind).toLowerCase(), factor.id, factor.name);
        return factor;
    }

    /** Replaces a factor; when its adjustment changed, every open risk linked to it is re-rated. */
    @Transactional
    public RiskFactor update(String tenantId, FactorKind kind, String id, String ifMatch, FactorRequest request,
                             String user) {
        RiskFactor factor = find(tenantId, kind, id);
        ETags.requireMatch(ifMatch, factor.rowVersion);
        validate(tenantId, kind, request, factor.id);
        int oldAdjustment = factor.likelihoodAdjustment;
        String oldName = factor.name;
        apply(factor, request);
        factor.persistAndFlush();
        if (oldAdjustment != factor.likelihoodAdjustment || !oldName.equals(factor.name)) {
            int changed = register.rerateLinked(factor, user, label(kind).toLowerCase() + " '" + factor.name
                    + "' changed (likelihood adjustment " + oldAdjustment + " before, " + factor.likelihoodAdjustment + " now)");
            LOG.infof("%s %s changed: %d linked risks re-rated with a changed rating", label(kind), factor.id, changed);
        }
        return factor;
    }

    /** Deletes a factor, removes its links and re-rates the risks that were linked to it. */
    @Transactional
    public void delete(String tenantId, FactorKind kind, String id, String ifMatch, String user) {
        RiskFactor factor = find(tenantId, kind, id);
        ETags.requireMatch(ifMatch, factor.rowVersion);
        List<Risk> linked = Risk.linkedTo(factor);
        for (Risk risk : linked) {
            risk.factors.remove(factor);
        }
        Risk.flush();
        int changed = 0;
        for (Risk risk : linked) {
            if (risk.status == RiskStatus.OPEN) {
                changed += register.rerateOne(risk, user, label(kind).toLowerCase() + " '" + factor.name + "' deleted") ? 1 : 0;
            }
        }
        factor.delete();
        LOG.infof("%s %s deleted: %d linked risks, %d re-rated with a changed rating", label(kind), factor.id,
                linked.size(), changed);
    }

    private static void apply(RiskFactor factor, FactorRequest request) {
        factor.name = request.name().trim();
        factor.description = request.description() == null || request.description().isBlank() ? null
                : request.description().trim();
        factor.likelihoodAdjustment = request.likelihoodAdjustment();
        factor.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static void validate(String tenantId, FactorKind kind, FactorRequest request, UUID self) {
        if (request == null) {
            throw ApiException.invalid("body", "missing: send name, description and likelihoodAdjustment");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = RiskDecisions.text(request.name(), "name", RiskDecisions.MAX_NAME_LENGTH, errors);
        if (name != null && name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain line breaks or other control characters"));
        }
        if (request.description() != null && request.description().length() > RiskDecisions.MAX_TEXT_LENGTH) {
            errors.add(new FieldError("description", "must be at most " + RiskDecisions.MAX_TEXT_LENGTH + " characters"));
        }
        Integer adjustment = request.likelihoodAdjustment();
        if (adjustment == null) {
            errors.add(new FieldError("likelihoodAdjustment", "missing: likelihood points from "
                    + MIN_ADJUSTMENT + " to +" + MAX_ADJUSTMENT + " (0 for none)"));
        } else if (adjustment < MIN_ADJUSTMENT || adjustment > MAX_ADJUSTMENT) {
            errors.add(new FieldError("likelihoodAdjustment", "must be between " + MIN_ADJUSTMENT + " and "
                    + MAX_ADJUSTMENT + ", was " + adjustment));
        }
        if (!errors.isEmpty()) {
            throw RiskDecisions.invalid(errors);
        }
        if (RiskFactor.nameTaken(tenantId, kind, name, self)) {
            throw ApiException.conflict("A " + label(kind).toLowerCase() + " named '" + name + "' exists already", "name");
        }
    }

    static String label(FactorKind kind) {
        return kind == FactorKind.THREAT ? "Threat" : "Vulnerability";
    }
}
