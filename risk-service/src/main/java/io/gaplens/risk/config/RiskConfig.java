package io.gaplens.risk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The rules that compute a gap's inherent likelihood and impact. Each rule gives points on a
 * reference scale of 1 to 5; the sum, capped to 1-5, is then mapped onto the organisation's own
 * likelihood or impact scale. docs/risk-service.md explains the rules with examples.
 */
@ConfigMapping(prefix = "risk")
public interface RiskConfig {

    Likelihood likelihood();

    Impact impact();

    /** Likelihood points: how far the requirement is from implemented and from its target maturity. */
    interface Likelihood {

        /** Points for a requirement whose status is NOT_IMPLEMENTED. */
        @WithDefault("4")
        @Min(1) @Max(5)
        int notImplemented();

        /** Points for a requirement whose status is PARTIALLY_IMPLEMENTED. */
        @WithDefault("3")
        @Min(1) @Max(5)
        int partiallyImplemented();

        /** Points for a requirement that was not assessed yet (NOT_ASSESSED): unknown is treated as a real gap. */
        @WithDefault("3")
        @Min(1) @Max(5)
        int notAssessed();

        /** Points for a requirement that is IMPLEMENTED but below its target maturity. */
        @WithDefault("2")
        @Min(1) @Max(5)
        int implementedBelowTarget();

        /** Maturity levels below the target (a missing maturity counts as 0) from which the shortfall adds points. */
        @WithDefault("2")
        @Min(1) @Max(5)
        int maturityShortfall();

        /** Points added when the maturity shortfall reaches {@link #maturityShortfall()}. */
        @WithDefault("1")
        @Min(0) @Max(4)
        int maturityShortfallPoints();
    }

    /** Impact points: the criticality of the assets in scope and the security properties the control protects. */
    interface Impact {

        /** Points for a scope of LOW criticality. */
        @WithDefault("2")
        @Min(1) @Max(5)
        int lowCriticality();

        /** Points for a scope of MEDIUM criticality. */
        @WithDefault("3")
        @Min(1) @Max(5)
        int mediumCriticality();

        /** Points for a scope of HIGH criticality. */
        @WithDefault("4")
        @Min(1) @Max(5)
        int highCriticality();

        /** Points for a scope of VERY_HIGH criticality. */
        @WithDefault("5")
        @Min(1) @Max(5)
        int veryHighCriticality();

        /** Number of security properties (confidentiality, integrity, availability) from which a control adds points. */
        @WithDefault("3")
        @Min(1) @Max(3)
        int securityProperties();

        /** Points added when the control protects at least {@link #securityProperties()} properties. */
        @WithDefault("1")
        @Min(0) @Max(4)
        int securityPropertiesPoints();
    }
}
