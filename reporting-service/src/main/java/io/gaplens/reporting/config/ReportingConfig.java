package io.gaplens.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the reporting service. */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Rebuilding the read models by replaying the topics. */
    Rebuild rebuild();

    interface Rebuild {

        /** The maximum time a rebuild may read the topics before it fails; default 2 minutes. */
        @WithDefault("PT2M")
        Duration timeout();

        /** The maximum time one poll of the replay consumer waits for records; default 500 ms. */
        @WithDefault("PT0.5S")
        Duration pollTimeout();
    }
}
