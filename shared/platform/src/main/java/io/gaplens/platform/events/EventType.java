package io.gaplens.platform.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event GapLens publishes: its CloudEvents {@code type} (reverse-DNS, versioned), its topic
 * and its payload's JSON Schema, kept in {@code /gaplens/events/schemas/} of this library.
 */
public enum EventType {
    CATALOG_PUBLISHED("catalog", "CatalogPublished", Topics.CATALOG),
    ASSESSMENT_STARTED("assessment", "AssessmentStarted", Topics.ASSESSMENT),
    ANSWER_RECORDED("assessment", "AnswerRecorded", Topics.ASSESSMENT),
    GAP_IDENTIFIED("assessment", "GapIdentified", Topics.ASSESSMENT),
    GAP_CLOSED("assessment", "GapClosed", Topics.ASSESSMENT),
    ASSESSMENT_COMPLETED("assessment", "AssessmentCompleted", Topics.ASSESSMENT),
    RISK_ASSESSED("risk", "RiskAssessed", Topics.RISK),
    REMEDIATION_PLANNED("remediation", "RemediationPlanned", Topics.REMEDIATION),
    REMEDIATION_COMPLETED("remediation", "RemediationCompleted", Topics.REMEDIATION),
    REMEDIATION_OVERDUE("remediation", "RemediationOverdue", Topics.REMEDIATION);

    public static final int VERSION = 1;

    private final String domain;
    private final String eventName;
    private final String topic;

    EventType(String domain, String eventName, String topic) {
        this.domain = domain;
        this.eventName = eventName;
        this.topic = topic;
    }

    /** Returns the CloudEvents type, such as {@code io.gaplens.assessment.GapIdentified.v1}. */
    public String ceType() {
        return "io.gaplens." + domain + "." + eventName + ".v" + VERSION;
    }

    public String eventName() {
        return eventName;
    }

    public String topic() {
        return topic;
    }

    public String schemaResource() {
        return "/gaplens/events/schemas/" + eventName + ".v" + VERSION + ".json";
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType().equals(ceType)).findFirst();
    }
}
