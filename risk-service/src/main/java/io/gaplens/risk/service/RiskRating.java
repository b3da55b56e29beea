package io.gaplens.risk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.RiskAssessed;
import io.gaplens.platform.outbox.EventPublisher;
import io.gaplens.risk.domain.AssessmentScope;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskAuditEntry;
import io.gaplens.risk.domain.TreatmentOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Brings a risk's rating up to date after any of its inputs changed, and records the outcome:
 * an audit entry when the rating or treatment changed, and RiskAssessed when anything that event
 * carries changed. An unchanged risk produces neither.
 */
@ApplicationScoped
public class RiskRating {

    @Inject
    RatingRules rules;

    @Inject
    EventPublisher publisher;

    @Inject
    ObjectMapper objectMapper;

    /** The rating and treatment of a risk as the audit trail records them. */
    public record State(int computedLikelihood, int computedImpact, Integer chosenLikelihood, Integer chosenImpact,
                        int likelihood, int impact, int score, String level, String treatment, String treatmentOwner,
                        String treatmentRationale, LocalDate treatmentDecidedOn, String treatmentApprover,
                        LocalDate treatmentExpiresOn, Integer expectedLikelihood, Integer expectedImpact,
                        int residualLikelihood, int residualImpact, int residualScore, String residualLevel,
                        String status) {

        static State of(Risk risk) {
            return new State(risk.computedLikelihood, risk.computedImpact, risk.chosenLikelihood, risk.chosenImpact,
                    risk.likelihood, risk.impact, risk.score, risk.level,
                    risk.treatment == null ? null : risk.treatment.name(), risk.treatmentOwner, risk.treatmentRationale,
                    risk.treatmentDecidedOn, risk.treatmentApprover, risk.treatmentExpiresOn, risk.expectedLikelihood,
                    risk.expectedImpact, risk.residualLikelihood, risk.residualImpact, risk.residualScore,
                    risk.residualLevel, risk.status.name());
        }
    }

    /** Returns the state to pass to {@link #settle} later, or null for a risk that is being created. */
    public State before(Risk risk) {
        return risk.status == null ? null : State.of(risk);
    }

    /**
     * Recomputes the rating of {@code risk} under {@code method}, persists it, and writes the audit
     * entry and RiskAssessed when something changed since {@code before}.
     *
     * @return true when RiskAssessed was sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settle(Risk risk, RiskMethod method, State before, String actor, String action, String note) {
        RiskAssessed previousEvent = before == null ? null : event(risk, before, null);
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }

        AssessmentScope scope = AssessmentScope.find(risk.tenantId, risk.assessmentId).orElse(null);
        Criticality criticality = scope == null ? Criticality.MEDIUM : scope.criticality;
        RatingRules.Rating rating = rules.rate(new RatingRules.Inputs(risk.gapStatus, risk.maturity,
                risk.targetMaturity, criticality, risk.securityProperties, risk.factors), method);
        risk.computedLikelihood = rating.likelihood();
        risk.computedImpact = rating.impact();
        risk.likelihoodReasons = rating.likelihoodReasons();
        risk.impactReasons = rating.impactReasons();

        fitToScales(risk, method, notes);
        risk.likelihood = risk.chosenLikelihood != null ? risk.chosenLikelihood : risk.computedLikelihood;
        risk.impact = risk.chosenImpact != null ? risk.chosenImpact : risk.computedImpact;
        risk.score = risk.likelihood * risk.impact;
        risk.level = method.levelOf(risk.likelihood, risk.impact);

        if (risk.treatment == TreatmentOption.MITIGATE) {
            risk.residualLikelihood = Math.min(risk.expectedLikelihood, risk.likelihood);
            risk.residualImpact = Math.min(risk.expectedImpact, risk.impact);
        } else {
            risk.residualLikelihood = risk.likelihood;
            risk.residualImpact = risk.impact;
        }
        risk.residualScore = risk.residualLikelihood * risk.residualImpact;
        risk.residualLevel = method.levelOf(risk.residualLikelihood, risk.residualImpact);

        State after = State.of(risk);
        if (after.equals(before)) {
            risk.persist();
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        risk.updatedAt = now;
        risk.persist();
        audit(risk, before, after, actor, action, notes.isEmpty() ? null : String.join("; ", notes), now);

        RiskAssessed event = event(risk, after, now);
        if (previousEvent != null && sameRating(previousEvent, event)) {
            return false;
        }
        publisher.publish(EventType.RISK_ASSESSED, risk.tenantId, risk.id.toString(), risk.assessmentId.toString(),
                event);
        return true;
    }

    /** Keeps chosen and expected values inside the scales after a method with smaller scales replaced the old one. */
    private static void fitToScales(Risk risk, RiskMethod method, List<String> notes) {
        int likelihoodMax = method.likelihoodSize();
        int impactMax = method.impactSize();
        if (risk.chosenLikelihood != null && risk.chosenLikelihood > likelihoodMax) {
            notes.add("chosen likelihood " + risk.chosenLikelihood + " lowered to " + likelihoodMax + ", the top of the new scale");
            risk.chosenLikelihood = likelihoodMax;
        }
        if (risk.chosenImpact != null && risk.chosenImpact > impactMax) {
            notes.add("chosen impact " + risk.chosenImpact + " lowered to " + impactMax + ", the top of the new scale");
            risk.chosenImpact = impactMax;
        }
        if (risk.expectedLikelihood != null && risk.expectedLikelihood > likelihoodMax) {
            risk.expectedLikelihood = likelihoodMax;
        }
        if (risk.expectedImpact != null && risk.expectedImpact > impactMax) {
            risk.expectedImpact = impactMax;
        }
    }

    private void audit(Risk risk, State before, State after, String actor, String action, String note,
                       OffsetDateTime now) {
        RiskAuditEntry entry = new RiskAuditEntry();
        entry.id = UUID.randomUUID();
        entry.tenantId = risk.tenantId;
        entry.riskId = risk.id;
        entry.occurredAt = now;
        entry.actor = actor;
        entry.action = action;
        entry.note = note;
        entry.oldValue = before == null ? null : json(before);
        entry.newValue = json(after);
        entry.persist();
    }

    private static RiskAssessed event(Risk risk, State state, OffsetDateTime assessedAt) {
        return new RiskAssessed(risk.tenantId, risk.id, risk.assessmentId, risk.requirementRef, risk.requirementTitle,
                groupOf(risk), state.likelihood(), state.impact(), state.score(), state.level(),
                state.residualLikelihood(), state.residualImpact(), state.residualLevel(), state.status(),
                assessedAt);
    }

    /** Compares everything RiskAssessed carries except the time. */
    private static boolean sameRating(RiskAssessed a, RiskAssessed b) {
        return a.likelihood() == b.likelihood() && a.impact() == b.impact() && a.score() == b.score()
                && a.level().equals(b.level()) && a.residualLikelihood().equals(b.residualLikelihood())
                && a.residualImpact().equals(b.residualImpact()) && a.residualLevel().equals(b.residualLevel())
                && a.status().equals(b.status());
    }

    /** Returns the clause or Annex A theme; derived from the reference when the gap event gave none. */
    static String groupOf(Risk risk) {
        if (risk.requirementGroup != null && !risk.requirementGroup.isBlank()) {
            return risk.requirementGroup;
        }
        String ref = risk.requirementRef;
        String[] parts = ref.split("\\.");
        if (ref.startsWith("A.") && parts.length > 1) {
            return "A." + parts[1];
        }
        return parts[0].isBlank() ? ref : parts[0];
    }

    private String json(State state) {
        try {
            return objectMapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state cannot be written as JSON", e);
        }
    }
}
