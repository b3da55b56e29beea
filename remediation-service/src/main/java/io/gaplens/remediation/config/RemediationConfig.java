package io.gaplens.remediation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.List;

/**
 * Planning defaults for tenants that have not stored their own remediation settings, and the
 * schedule of the overdue check.
 */
@ConfigMapping(prefix = "remediation")
public interface RemediationConfig {

    Defaults defaults();

    OverdueCheck overdueCheck();

    interface Defaults {

        /** Time zone in which due dates are calendar dates. */
        @WithDefault("UTC")
        ZoneId timeZone();

        /** Days from planning to the due date of a critical risk's action. */
        @WithDefault("30")
        int criticalDays();

        /** Days from planning to the due date of a high risk's action. */
        @WithDefault("30")
        int highDays();

        /** Days from planning to the due date of a medium risk's action. */
        @WithDefault("90")
        int mediumDays();

        /** Days from planning to the due date of a low risk's action. */
        @WithDefault("180")
        int lowDays();

        /** Phase of a critical risk's action (1 immediate fixes, 2 process improvement, 3 ongoing monitoring). */
        @WithDefault("1")
        int criticalPhase();

        /** Phase of a high risk's action. */
        @WithDefault("1")
        int highPhase();

        /** Phase of a medium risk's action. */
        @WithDefault("2")
        int mediumPhase();

        /** Phase of a low risk's action. */
        @WithDefault("3")
        int lowPhase();

        /** Phase of monitoring and review requirements whose level does not put them in phase 1. */
        @WithDefault("3")
        int monitoringPhase();

        /**
         * Monitoring and review requirements: a reference matches itself and every sub-reference,
         * so 9 covers clauses 9.1 to 9.3.3.
         */
        @WithDefault("9,10.1,A.5.35,A.5.36,A.8.16")
        List<String> monitoringRequirements();
    }

    interface OverdueCheck {

        /** Interval of the scheduled check for overdue actions (a Quarkus scheduler expression such as 15m). */
        @WithDefault("15m")
        String every();

        /** Delay of the first scheduled check after start. */
        @WithDefault("1m")
        String initialDelay();
    }
}
