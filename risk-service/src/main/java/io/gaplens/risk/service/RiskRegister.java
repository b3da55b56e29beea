package io.gaplens.risk.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ETags;
import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.events.GapIdentified;
import io.gaplens.risk.domain.AssessmentScope;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskFactor;
import io.gaplens.risk.domain.RiskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the risk register in step with gap events and with changes of rating inputs that affect
 * many risks at once: the risk method, a scope criticality, a threat or vulnerability.
 */
@ApplicationScoped
public class RiskRegister {

    private static final Logger LOG = Logger.getLogger(RiskRegister.class);

    @Inject
    RiskMethods methods;

    @Inject
    RiskRating rating;

    /** Creates or updates the risk of a gap and rates it; a closed risk of the same gap opens again. */
    @Transactional
    public void applyGap(GapIdentified gap, String actor) {
        RiskMethod method = methods.methodOf(gap.tenantId());
        Optional<Risk> existing = Risk.findForGap(gap.tenantId(), gap.assessmentId(), gap.requirementRef());
        Risk risk = existing.orElseGet(() -> newRisk(gap));
        RiskRating.State before = rating.before(risk);
        String action = existing.isEmpty() ? "CREATED"
                : risk.status == RiskStatus.CLOSED ? "REOPENED" : "GAP_UPDATED";

        risk.requirementTitle = gap.requirementTitle();
        risk.requirementKind = gap.requirementKind();
        risk.requirementGroup = gap.group();
        risk.gapStatus = gap.status();
        risk.maturity = gap.maturity();
        risk.targetMaturity = gap.targetMaturity();
        risk.securityProperties = gap.securityProperties() == null ? List.of()
                : gap.securityProperties().stream().distinct().sorted().toList();
        risk.identifiedAt = gap.identifiedAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : gap.identifiedAt();
        risk.status = RiskStatus.OPEN;
        risk.closedAt = null;

        boolean scopeChanged = storeScope(gap.tenantId(), gap.assessmentId(),
                Criticality.valueOf(gap.scopeCriticality()), actor);
        rating.settle(risk, method, before, actor, action, "gap " + gap.status() + " at maturity "
                + (gap.maturity() == null ? "unknown" : gap.maturity()) + " of target " + gap.targetMaturity());
        if (scopeChanged) {
            rerateAssessment(gap.tenantId(), gap.assessmentId(), method, actor, risk.id);
        }
        LOG.infof("assessment %s: risk %s of requirement %s is %s (%s)", gap.assessmentId(), risk.id,
                gap.requirementRef(), risk.level, action);
    }

    /** Closes the risk of a gap that an answer removed, and announces it with status CLOSED. */
    @Transactional
    public void closeGap(GapClosed closed, String actor) {
        Optional<Risk> found = Risk.findForGap(closed.tenantId(), closed.assessmentId(), closed.requirementRef());
        if (found.isEmpty()) {
            LOG.infof("assessment %s: GapClosed for requirement %s, which has no risk; nothing to close",
                    closed.assessmentId(), closed.requirementRef());
            return;
        }
        Risk risk = found.get();
        if (risk.status == RiskStatus.CLOSED) {
            return;
        }
        RiskRating.State before = rating.before(risk);
        risk.status = RiskStatus.CLOSED;
        risk.closedAt = closed.closedAt() == null ? OffsetDateTime.now(ZoneOffset.UTC) : closed.closedAt();
        rating.settle(risk, methods.methodOf(risk.tenantId), before, actor, "CLOSED",
                "gap closed with status " + closed.status());
        LOG.infof("assessment %s: risk %s of requirement %s closed", closed.assessmentId(), risk.id,
                closed.requirementRef());
    }

    /** Stores an assessment's scope criticality and re-rates its open risks when it changed. */
    @Transactional
    public int applyScopeCriticality(String tenantId, UUID assessmentId, Criticality criticality, String actor) {
        if (!storeScope(tenantId, assessmentId, criticality, actor)) {
            return 0;
        }
        return rerateAssessment(tenantId, assessmentId, methods.methodOf(tenantId), actor, null);
    }

    /** Returns the scope of an assessment this service received events of; 404 for others. */
    public AssessmentScope findScope(String tenantId, String assessmentId) {
        UUID id;
        try {
            id = UUID.fromString(assessmentId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Assessment", assessmentId);
        }
        return AssessmentScope.find(tenantId, id).orElseThrow(() -> ApiException.notFound("Assessment", assessmentId));
    }

    /** Changes an assessment's scope criticality by hand (If-Match on the scope) and re-rates its open risks. */
    @Transactional
    public AssessmentScope changeScope(String tenantId, String assessmentId, String ifMatch, Criticality criticality,
                                       String user) {
        AssessmentScope scope = findScope(tenantId, assessmentId);
        ETags.requireMatch(ifMatch, scope.rowVersion);
        if (criticality == null) {
            throw ApiException.invalid("criticality", "missing, expected one of " + List.of(Criticality.values()));
        }
        int changed = applyScopeCriticality(tenantId, scope.assessmentId, criticality, user);
        AssessmentScope.flush();
        LOG.infof("assessment %s: scope criticality set to %s by %s, %d risks re-rated with a changed rating",
                scope.assessmentId, criticality, user, changed);
        return scope;
    }

    /** Re-rates every open risk of a tenant under {@code method} and returns how many changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rerateTenant(String tenantId, RiskMethod method, String actor, String note) {
        int changed = 0;
        for (Risk risk : Risk.openInTenant(tenantId)) {
            if (rating.settle(risk, method, rating.before(risk), actor, "RE_RATED", note)) {
                changed++;
            }
        }
        return changed;
    }

    /** Re-rates every open risk linked to {@code factor} and returns how many changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rerateLinked(RiskFactor factor, String actor, String note) {
        RiskMethod method = methods.methodOf(factor.tenantId);
        int changed = 0;
        for (Risk risk : Risk.linkedTo(factor)) {
            if (risk.status == RiskStatus.OPEN
                    && rating.settle(risk, method, rating.before(risk), actor, "RE_RATED", note)) {
                changed++;
            }
        }
        return changed;
    }

    /** Re-rates one risk after a change outside it and returns whether its rating changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rerateOne(Risk risk, String actor, String note) {
        return rating.settle(risk, methods.methodOf(risk.tenantId), rating.before(risk), actor, "RE_RATED", note);
    }

    private int rerateAssessment(String tenantId, UUID assessmentId, RiskMethod method, String actor, UUID skip) {
        int changed = 0;
        for (Risk risk : Risk.openInAssessment(tenantId, assessmentId)) {
            if (!risk.id.equals(skip) && rating.settle(risk, method, rating.before(risk), actor, "RE_RATED",
                    "scope criticality changed")) {
                changed++;
            }
        }
        LOG.infof("assessment %s: scope criticality changed, %d risks re-rated with a changed rating",
                assessmentId, changed);
        return changed;
    }

    /** Stores the criticality and returns true when it differs from the stored one. */
    private boolean storeScope(String tenantId, UUID assessmentId, Criticality criticality, String actor) {
        Optional<AssessmentScope> stored = AssessmentScope.find(tenantId, assessmentId);
        if (stored.isPresent() && stored.get().criticality == criticality) {
            return false;
        }
        AssessmentScope scope = stored.orElseGet(() -> {
            AssessmentScope created = new AssessmentScope();
            created.id = UUID.randomUUID();
            created.tenantId = tenantId;
            created.assessmentId = assessmentId;
            return created;
        });
        scope.criticality = criticality;
        scope.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        scope.updatedBy = actor;
        scope.persistAndFlush();
        return stored.isPresent();
    }

    private static Risk newRisk(GapIdentified gap) {
        Risk risk = new Risk();
        risk.id = UUID.randomUUID();
        risk.tenantId = gap.tenantId();
        risk.assessmentId = gap.assessmentId();
        risk.requirementRef = gap.requirementRef();
        risk.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return risk;
    }
}
