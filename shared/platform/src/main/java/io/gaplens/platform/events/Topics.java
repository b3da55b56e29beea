package io.gaplens.platform.events;

/** Kafka topics, one per publishing service. Records are keyed by assessment id (catalogue events by catalogue version). */
public final class Topics {

    public static final String CATALOG = "gaplens.catalog.events";
    public static final String ASSESSMENT = "gaplens.assessment.events";
    public static final String RISK = "gaplens.risk.events";
    public static final String REMEDIATION = "gaplens.remediation.events";

    private Topics() {
    }
}
