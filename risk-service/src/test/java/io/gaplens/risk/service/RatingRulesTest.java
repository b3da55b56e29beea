package io.gaplens.risk.service;

import io.gaplens.risk.config.RiskConfig;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.domain.FactorKind;
import io.gaplens.risk.domain.RiskFactor;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rating rules with configured point values other than the defaults. */
class RatingRulesTest {

    /** Builds the configuration mapping from properties, as Quarkus would from application.properties. */
    private static RiskConfig config(int notImplemented, int shortfall, int shortfallPoints, int veryHigh,
                                     int properties, int propertiesPoints) {
        Map<String, String> values = Map.of(
                "risk.likelihood.not-implemented", Integer.toString(notImplemented),
                "risk.likelihood.partially-implemented", "2",
                "risk.likelihood.not-assessed", "1",
                "risk.likelihood.implemented-below-target", "1",
                "risk.likelihood.maturity-shortfall", Integer.toString(shortfall),
                "risk.likelihood.maturity-shortfall-points", Integer.toString(shortfallPoints),
                "risk.impact.low-criticality", "1",
                "risk.impact.medium-criticality", "2",
                "risk.impact.high-criticality", "3",
                "risk.impact.very-high-criticality", Integer.toString(veryHigh));
        Map<String, String> all = new HashMap<>(values);
        all.put("risk.impact.security-properties", Integer.toString(properties));
        all.put("risk.impact.security-properties-points", Integer.toString(propertiesPoints));
        return mapping(all);
    }

    private static RiskConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(RiskConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(RiskConfig.class);
    }

    @Test
    void defaultsApplyWithoutProperties() {
        RiskConfig defaults = mapping(Map.of());
        assertEquals(4, defaults.likelihood().notImplemented());
        assertEquals(3, defaults.likelihood().partiallyImplemented());
        assertEquals(3, defaults.likelihood().notAssessed());
        assertEquals(2, defaults.likelihood().implementedBelowTarget());
        assertEquals(2, defaults.likelihood().maturityShortfall());
        assertEquals(1, defaults.likelihood().maturityShortfallPoints());
        assertEquals(2, defaults.impact().lowCriticality());
        assertEquals(3, defaults.impact().mediumCriticality());
        assertEquals(4, defaults.impact().highCriticality());
        assertEquals(5, defaults.impact().veryHighCriticality());
        assertEquals(3, defaults.impact().securityProperties());
        assertEquals(1, defaults.impact().securityPropertiesPoints());
    }

    private static RatingRules rules(RiskConfig config) {
        RatingRules rules = new RatingRules();
        rules.config = config;
        return rules;
    }

    private static RiskFactor factor(FactorKind kind, String name, int adjustment) {
        RiskFactor factor = new RiskFactor();
        factor.kind = kind;
        factor.name = name;
        factor.likelihoodAdjustment = adjustment;
        return factor;
    }

    @Test
    void configuredPointsReplaceDefaults() {
        RatingRules rules = rules(config(2, 4, 2, 4, 2, 1));
        RatingRules.Rating rating = rules.rate(new RatingRules.Inputs("NOT_IMPLEMENTED", 1, 5, Criticality.VERY_HIGH,
                List.of("confidentiality", "integrity"), List.of()), RiskMethod.DEFAULT);

        assertEquals(4, rating.likelihood());
        assertEquals(5, rating.impact());
        assertEquals(List.of(
                "status NOT_IMPLEMENTED: 2 points",
                "maturity 1 is 4 below the target 5: +2 points",
                "4 points on the 1-5 reference scale: likelihood 4 of 5 (likely)"), rating.likelihoodReasons());
        assertEquals(List.of(
                "scope criticality VERY_HIGH: 4 points",
                "the control protects confidentiality, integrity: +1 point",
                "5 points on the 1-5 reference scale: impact 5 of 5 (severe)"), rating.impactReasons());
    }

    @Test
    void shortfallBelowThresholdAddsNothing() {
        RatingRules rules = rules(config(2, 4, 2, 4, 2, 1));
        RatingRules.Rating rating = rules.rate(new RatingRules.Inputs("NOT_IMPLEMENTED", 2, 5, Criticality.LOW,
                List.of("availability"), List.of()), RiskMethod.DEFAULT);

        assertEquals(2, rating.likelihood());
        assertEquals(1, rating.impact());
        assertEquals(2, rating.likelihoodReasons().size());
    }

    @Test
    void pointsAreCappedAndRaised() {
        RatingRules rules = rules(config(5, 1, 3, 5, 1, 4));
        RatingRules.Rating high = rules.rate(new RatingRules.Inputs("NOT_IMPLEMENTED", 0, 3, Criticality.VERY_HIGH,
                List.of("integrity"), List.of(factor(FactorKind.THREAT, "Ransomware", 2))), RiskMethod.DEFAULT);
        assertEquals(5, high.likelihood());
        assertEquals("10 points capped at 5", high.likelihoodReasons().get(3));
        assertEquals("9 points capped at 5", high.impactReasons().get(2));

        RatingRules.Rating low = rules.rate(new RatingRules.Inputs("IMPLEMENTED", 3, 3, Criticality.LOW, List.of(),
                List.of(factor(FactorKind.VULNERABILITY, "Hardened", -2))), RiskMethod.DEFAULT);
        assertEquals(1, low.likelihood());
        assertEquals(List.of("status IMPLEMENTED: 1 point", "vulnerability 'Hardened': -2 points",
                        "-1 point raised to 1", "1 point on the 1-5 reference scale: likelihood 1 of 5 (rare)"),
                low.likelihoodReasons());
    }

    @Test
    void strongestFactorOfEachKindCounts() {
        RatingRules rules = rules(config(3, 5, 0, 5, 3, 0));
        List<RiskFactor> factors = List.of(
                factor(FactorKind.THREAT, "Phishing", 1),
                factor(FactorKind.THREAT, "Ransomware", 2),
                factor(FactorKind.THREAT, "Flood", -1),
                factor(FactorKind.VULNERABILITY, "Patched", -1),
                factor(FactorKind.VULNERABILITY, "Segmented", -2));
        RatingRules.Rating rating = rules.rate(new RatingRules.Inputs("NOT_IMPLEMENTED", 3, 3, Criticality.MEDIUM,
                List.of(), factors), RiskMethod.DEFAULT);

        assertEquals(3, rating.likelihood());
        assertEquals(List.of("status NOT_IMPLEMENTED: 3 points", "threat 'Ransomware': +2 points",
                "vulnerability 'Segmented': -2 points", "3 points on the 1-5 reference scale: likelihood 3 of 5 (possible)"),
                rating.likelihoodReasons());
    }
}
