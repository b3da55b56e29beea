package io.gaplens.risk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.risk.domain.AssessmentScope;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.Risk;
import io.gaplens.risk.domain.RiskFactor;
import io.gaplens.risk.service.RiskMethod;
import io.gaplens.risk.service.RiskMethods;
import io.gaplens.risk.service.RiskRating;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Response bodies of the risk service. */
public final class RiskViews {

    private RiskViews() {
    }

    /** The risk method in force; the fields of a PUT body plus read-only ones (source, levelMatrix, updatedAt, updatedBy). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RiskMethodView(String source, List<String> likelihoodScale, List<String> impactScale,
                                 List<String> levels, List<RiskMethod.Threshold> thresholds,
                                 List<List<String>> matrix, List<List<String>> levelMatrix,
                                 OffsetDateTime updatedAt, String updatedBy) {

        static RiskMethodView of(RiskMethods.Current current) {
            RiskMethod method = current.method();
            return new RiskMethodView(current.custom() ? "CUSTOM" : "DEFAULT", method.likelihoodScale(),
                    method.impactScale(), method.levels(), method.thresholds(), method.matrix(), method.levelMatrix(),
                    current.updatedAt(), current.updatedBy());
        }
    }

    /** A value on a scale with its label; the label is null when the value lies outside the current scale. */
    public record ScaleValue(int value, String label) {
    }

    public record Rating(ScaleValue likelihood, ScaleValue impact, int score, String level) {
    }

    /** The computed rating with its inputs and the reasons the rules gave. */
    public record ComputedRating(int likelihood, int impact, List<String> likelihoodReasons, List<String> impactReasons,
                                 String gapStatus, Integer maturity, int targetMaturity, String scopeCriticality,
                                 List<String> securityProperties) {
    }

    /** The values a risk manager chose; a null likelihood or impact means the computed value applies. */
    public record ChosenRating(Integer likelihood, Integer impact, String rationale, String chosenBy,
                               OffsetDateTime chosenAt) {
    }

    /** A treatment decision; {@code expired} is true for an acceptance whose expiry date has passed (UTC). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TreatmentView(String option, String owner, String rationale, LocalDate decidedOn, String approver,
                                LocalDate expiresOn, Boolean expired, Integer expectedLikelihood,
                                Integer expectedImpact) {
    }

    public record FactorLink(UUID id, String name, int likelihoodAdjustment) {
    }

    public record RiskView(UUID id, UUID assessmentId, String requirementRef, String requirementTitle,
                           String requirementKind, String group, String status, Rating inherent,
                           ComputedRating computed, ChosenRating chosen, TreatmentView treatment, Rating residual,
                           List<FactorLink> threats, List<FactorLink> vulnerabilities, OffsetDateTime identifiedAt,
                           OffsetDateTime closedAt, OffsetDateTime updatedAt) {

        static RiskView of(Risk risk, RiskMethod method) {
            String criticality = AssessmentScope.find(risk.tenantId, risk.assessmentId)
                    .map(scope -> scope.criticality.name()).orElse(null);
            return of(risk, method, criticality);
        }

        /** Builds the view with the assessment's scope criticality, which a list looks up once per assessment. */
        static RiskView of(Risk risk, RiskMethod method, String criticality) {
            ChosenRating chosen = risk.chosenBy == null ? null : new ChosenRating(risk.chosenLikelihood,
                    risk.chosenImpact, risk.chosenRationale, risk.chosenBy, risk.chosenAt);
            TreatmentView treatment = risk.treatment == null ? null : new TreatmentView(risk.treatment.name(),
                    risk.treatmentOwner, risk.treatmentRationale, risk.treatmentDecidedOn, risk.treatmentApprover,
                    risk.treatmentExpiresOn,
                    risk.treatmentExpiresOn == null ? null : risk.treatmentExpiresOn.isBefore(LocalDate.now(ZoneOffset.UTC)),
                    risk.expectedLikelihood, risk.expectedImpact);
            return new RiskView(risk.id, risk.assessmentId, risk.requirementRef, risk.requirementTitle,
                    risk.requirementKind, risk.requirementGroup, risk.status.name(),
                    rating(method, risk.likelihood, risk.impact, risk.score, risk.level),
                    new ComputedRating(risk.computedLikelihood, risk.computedImpact, risk.likelihoodReasons,
                            risk.impactReasons, risk.gapStatus, risk.maturity, risk.targetMaturity, criticality,
                            risk.securityProperties),
                    chosen, treatment,
                    rating(method, risk.residualLikelihood, risk.residualImpact, risk.residualScore, risk.residualLevel),
                    links(risk, FactorKind.THREAT), links(risk, FactorKind.VULNERABILITY),
                    risk.identifiedAt, risk.closedAt, risk.updatedAt);
        }

        private static List<FactorLink> links(Risk risk, FactorKind kind) {
            return risk.factors.stream().filter(factor -> factor.kind == kind)
                    .sorted(Comparator.comparing((RiskFactor factor) -> factor.name))
                    .map(factor -> new FactorLink(factor.id, factor.name, factor.likelihoodAdjustment))
                    .toList();
        }
    }

    /** Returns a function that builds views and looks up each assessment's scope criticality once. */
    static Function<Risk, RiskView> viewsUnder(RiskMethod method) {
        Map<UUID, String> criticalities = new HashMap<>();
        return risk -> RiskView.of(risk, method, criticalities.computeIfAbsent(risk.assessmentId,
                assessmentId -> AssessmentScope.find(risk.tenantId, assessmentId)
                        .map(scope -> scope.criticality.name()).orElse(null)));
    }

    static Rating rating(RiskMethod method, int likelihood, int impact, int score, String level) {
        String likelihoodLabel = likelihood <= method.likelihoodSize() ? method.likelihoodLabel(likelihood) : null;
        String impactLabel = impact <= method.impactSize() ? method.impactLabel(impact) : null;
        return new Rating(new ScaleValue(likelihood, likelihoodLabel), new ScaleValue(impact, impactLabel), score, level);
    }

    public record FactorView(UUID id, String kind, String name, String description, int likelihoodAdjustment,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static FactorView of(RiskFactor factor) {
            return new FactorView(factor.id, factor.kind.name(), factor.name, factor.description,
                    factor.likelihoodAdjustment, factor.createdAt, factor.updatedAt);
        }
    }

    public record ScopeView(UUID assessmentId, String criticality, OffsetDateTime updatedAt, String updatedBy) {

        static ScopeView of(AssessmentScope scope) {
            return new ScopeView(scope.assessmentId, scope.criticality.name(), scope.updatedAt, scope.updatedBy);
        }
    }

    /** One entry of a risk's audit trail; oldValue is null for the entry that created the risk. */
    public record AuditEntryView(UUID id, OffsetDateTime occurredAt, String actor, String action, String note,
                                 @Schema(implementation = RiskRating.State.class) JsonNode oldValue,
                                 @Schema(implementation = RiskRating.State.class) JsonNode newValue) {
    }

    /** The number of open risks in one cell of the matrix. */
    public record HeatMapCell(int likelihood, String likelihoodLabel, int impact, String impactLabel, String level,
                              int count) {
    }

    /** Open risks of an assessment per matrix cell, rated inherent and residual; cells run by likelihood, then impact. */
    public record HeatMap(UUID assessmentId, int openRisks, List<ScaleValue> likelihoodScale,
                          List<ScaleValue> impactScale, List<String> levels, List<HeatMapCell> inherent,
                          List<HeatMapCell> residual) {
    }
}
