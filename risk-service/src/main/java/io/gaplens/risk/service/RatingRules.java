package io.gaplens.risk.service;

import io.gaplens.risk.config.RiskConfig;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.RiskFactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Computes a gap's inherent likelihood and impact from the configured rules ({@link RiskConfig}),
 * with the reasons that produced each value. Rules give points on a reference scale of 1 to 5,
 * which are mapped onto the method's scale: value = ceil(points x scale size / 5).
 */
@ApplicationScoped
public class RatingRules {

    public static final int REFERENCE_SCALE = 5;

    @Inject
    RiskConfig config;

    /** The inputs of one rating, as the latest gap event and the risk's links give them. */
    public record Inputs(String gapStatus, Integer maturity, int targetMaturity, Criticality scopeCriticality,
                         List<String> securityProperties, Collection<RiskFactor> factors) {
    }

    public record Rating(int likelihood, int impact, List<String> likelihoodReasons, List<String> impactReasons) {
    }

    public Rating rate(Inputs inputs, RiskMethod method) {
        List<String> likelihoodReasons = new ArrayList<>();
        int likelihoodPoints = likelihoodPoints(inputs, likelihoodReasons);
        int likelihood = toScale(likelihoodPoints, method.likelihoodSize());
        likelihoodReasons.add(points(likelihoodPoints) + " on the 1-5 reference scale: likelihood " + likelihood
                + " of " + method.likelihoodSize() + " (" + method.likelihoodLabel(likelihood) + ")");

        List<String> impactReasons = new ArrayList<>();
        int impactPoints = impactPoints(inputs, impactReasons);
        int impact = toScale(impactPoints, method.impactSize());
        impactReasons.add(points(impactPoints) + " on the 1-5 reference scale: impact " + impact
                + " of " + method.impactSize() + " (" + method.impactLabel(impact) + ")");

        return new Rating(likelihood, impact, List.copyOf(likelihoodReasons), List.copyOf(impactReasons));
    }

    /** Maps points on the 1-5 reference scale onto a scale of {@code size} values. */
    public static int toScale(int points, int size) {
        return Math.max(1, (points * size + REFERENCE_SCALE - 1) / REFERENCE_SCALE);
    }

    private int likelihoodPoints(Inputs inputs, List<String> reasons) {
        RiskConfig.Likelihood rules = config.likelihood();
        int points = switch (inputs.gapStatus()) {
            case "NOT_IMPLEMENTED" -> rules.notImplemented();
            case "PARTIALLY_IMPLEMENTED" -> rules.partiallyImplemented();
            case "NOT_ASSESSED" -> rules.notAssessed();
            default -> rules.implementedBelowTarget();
        };
        reasons.add("status " + inputs.gapStatus() + ": " + points(points));

        int achieved = inputs.maturity() == null ? 0 : inputs.maturity();
        int shortfall = inputs.targetMaturity() - achieved;
        if (shortfall >= rules.maturityShortfall() && rules.maturityShortfallPoints() > 0) {
            points += rules.maturityShortfallPoints();
            reasons.add("maturity " + (inputs.maturity() == null ? "unknown (counted as 0)" : achieved) + " is "
                    + shortfall + " below the target " + inputs.targetMaturity() + ": +"
                    + points(rules.maturityShortfallPoints()));
        }

        for (FactorKind kind : FactorKind.values()) {
            Optional<RiskFactor> strongest = strongest(inputs.factors(), kind);
            if (strongest.isPresent() && strongest.get().likelihoodAdjustment != 0) {
                int adjustment = strongest.get().likelihoodAdjustment;
                points += adjustment;
                reasons.add(kind.name().toLowerCase() + " '" + strongest.get().name + "': "
                        + (adjustment > 0 ? "+" : "") + points(adjustment));
            }
        }
        return capped(points, reasons);
    }

    private int impactPoints(Inputs inputs, List<String> reasons) {
        RiskConfig.Impact rules = config.impact();
        int points = switch (inputs.scopeCriticality()) {
            case LOW -> rules.lowCriticality();
            case MEDIUM -> rules.mediumCriticality();
            case HIGH -> rules.highCriticality();
            case VERY_HIGH -> rules.veryHighCriticality();
        };
        reasons.add("scope criticality " + inputs.scopeCriticality() + ": " + points(points));

        List<String> properties = inputs.securityProperties();
        if (properties.size() >= rules.securityProperties() && rules.securityPropertiesPoints() > 0) {
            points += rules.securityPropertiesPoints();
            reasons.add("the control protects " + String.join(", ", properties) + ": +"
                    + points(rules.securityPropertiesPoints()));
        }
        return capped(points, reasons);
    }

    /** Returns the strongest factor of a kind: the largest adjustment, or the most negative when all are negative. */
    private static Optional<RiskFactor> strongest(Collection<RiskFactor> factors, FactorKind kind) {
        List<RiskFactor> ofKind = factors.stream().filter(factor -> factor.kind == kind).toList();
        if (ofKind.isEmpty()) {
            return Optional.empty();
        }
        Comparator<RiskFactor> byAdjustment = Comparator.comparingInt(factor -> factor.likelihoodAdjustment);
        Comparator<RiskFactor> byName = Comparator.comparing(factor -> factor.name);
        Optional<RiskFactor> raising = ofKind.stream().filter(factor -> factor.likelihoodAdjustment > 0)
                .max(byAdjustment.thenComparing(byName.reversed()));
        if (raising.isPresent()) {
            return raising;
        }
        return ofKind.stream().min(byAdjustment.thenComparing(byName));
    }

    private static String points(int count) {
        return count + (Math.abs(count) == 1 ? " point" : " points");
    }

    private static int capped(int points, List<String> reasons) {
        if (points > REFERENCE_SCALE) {
            reasons.add(points(points) + " capped at " + REFERENCE_SCALE);
            return REFERENCE_SCALE;
        }
        if (points < 1) {
            reasons.add(points(points) + " raised to 1");
            return 1;
        }
        return points;
    }
}
