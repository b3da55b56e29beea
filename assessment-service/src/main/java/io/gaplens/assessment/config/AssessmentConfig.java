package io.gaplens.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Configuration of the assessment service, under the prefix {@code assessment}. */
@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    Catalog catalog();

    @WithName("import")
    BulkImport bulkImport();

    /** Connection to catalog-service. */
    interface Catalog {

        /** Base URL of catalog-service, without a trailing slash. */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** Maximum wait for one catalog-service response, connecting included. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Bulk import of answers. */
    interface BulkImport {

        /**
         * The version of the same catalogue whose references an import may use instead of the pinned
         * version's, translated through catalog-service's mapping (ISO/IEC 27001:2013 by default).
         */
        @WithName("legacy-version")
        @WithDefault("2013")
        String legacyVersion();

        /** The maximum number of data rows in one import. */
        @WithName("max-rows")
        @WithDefault("2000")
        int maxRows();
    }
}
