package io.gaplens.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.platform.api.ApiException;
import io.gaplens.reporting.api.ReportViews.ActionView;
import io.gaplens.reporting.api.ReportViews.EvidenceView;
import io.gaplens.reporting.api.ReportViews.GapView;
import io.gaplens.reporting.api.ReportViews.PhaseView;
import io.gaplens.reporting.domain.AssessmentReport;
import io.gaplens.reporting.domain.RemediationAction;
import io.gaplens.reporting.domain.RequirementResult;
import io.gaplens.reporting.domain.RiskRating;
import io.gaplens.reporting.service.AssessmentData;
import io.gaplens.reporting.service.ComplianceRules;
import io.gaplens.reporting.service.ReportBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes OSCAL 1.1.2 JSON: assessment results with one finding per applicable and assessed
 * requirement, and a plan of action and milestones (POA&amp;M) from the remediation plan. Every
 * UUID is a version 5 UUID derived from the tenant and the GapLens ids, so that the same read
 * models always give the same document.
 */
@ApplicationScoped
public class OscalExporter {

    public static final String OSCAL_VERSION = "1.1.2";

    /** The namespace of GapLens properties in OSCAL documents. */
    public static final String NAMESPACE = "https://gaplens.io/ns/oscal";

    private static final UUID UUID_NAMESPACE = UUID.fromString("6f1c2a8e-3b4d-4e5f-9a7b-1c2d3e4f5a6b");

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ReportBuilder reports;

    public ObjectNode assessmentResults(AssessmentData data) {
        AssessmentReport header = data.header();
        String scope = header.tenantId + "/" + header.assessmentId;
        Map<String, RiskRating> risks = openRisks(data.risks());

        ObjectNode result = objectMapper.createObjectNode();
        result.put("uuid", uuid(scope, "result").toString());
        result.put("title", line("Results of " + name(header)));
        result.put("description", "Answers recorded in GapLens against " + header.catalogId + " " + header.catalogVersion
                + " with target maturity " + header.targetMaturity + ". A requirement is satisfied when it is "
                + "implemented at or above the target maturity.");
        result.put("start", timestamp(header.startedAt != null ? header.startedAt : header.latestEventAt));
        if (header.completedAt != null) {
            result.put("end", timestamp(header.completedAt));
        }
        result.putObject("reviewed-controls").putArray("control-selections").addObject().putObject("include-all");

        ArrayNode observations = objectMapper.createArrayNode();
        ArrayNode findings = objectMapper.createArrayNode();
        ArrayNode riskNodes = objectMapper.createArrayNode();
        for (RequirementResult requirement : data.requirements()) {
            if (!ComplianceRules.assessed(requirement)) {
                continue;
            }
            UUID observationId = uuid(scope, "observation/" + requirement.ref);
            observations.add(observation(observationId, requirement));
            if (!ComplianceRules.applicable(requirement)) {
                continue;
            }
            ObjectNode finding = findings.addObject();
            finding.put("uuid", uuid(scope, "finding/" + requirement.ref).toString());
            finding.put("title", line(requirement.ref + " " + requirement.title));
            finding.put("description", describe(requirement));
            ObjectNode target = finding.putObject("target");
            target.put("type", "objective-id");
            target.put("target-id", token(requirement.ref));
            boolean satisfied = ComplianceRules.compliant(requirement);
            ObjectNode status = target.putObject("status");
            status.put("state", satisfied ? "satisfied" : "not-satisfied");
            status.put("reason", satisfied ? "pass" : "fail");
            target.putObject("implementation-status").put("state", implementationState(requirement.status));
            finding.putArray("related-observations").addObject().put("observation-uuid", observationId.toString());
            RiskRating risk = risks.get(requirement.ref);
            if (risk != null && !satisfied) {
                UUID riskId = uuid(scope, "risk/" + risk.riskId);
                riskNodes.add(risk(riskId, risk, requirement));
                finding.putArray("related-risks").addObject().put("risk-uuid", riskId.toString());
            }
        }
        putIfNotEmpty(result, "observations", observations);
        putIfNotEmpty(result, "risks", riskNodes);
        putIfNotEmpty(result, "findings", findings);

        ObjectNode document = objectMapper.createObjectNode();
        ObjectNode assessmentResults = document.putObject("assessment-results");
        assessmentResults.put("uuid", uuid(scope, "assessment-results").toString());
        assessmentResults.set("metadata", metadata("Assessment results: " + name(header), header));
        UUID planId = uuid(scope, "assessment-plan");
        assessmentResults.putObject("import-ap").put("href", "#" + planId);
        assessmentResults.putArray("results").add(result);
        ObjectNode plan = assessmentResults.putObject("back-matter").putArray("resources").addObject();
        plan.put("uuid", planId.toString());
        plan.put("title", line("Assessment plan of " + name(header)));
        plan.put("description", "The GapLens assessment " + header.assessmentId + ": every assessable requirement of "
                + header.catalogId + " " + header.catalogVersion + ".");
        return document;
    }

    /** Fails with 409 when the assessment has neither gaps nor remediation actions, since a POA&amp;M needs an item. */
    public ObjectNode planOfActionAndMilestones(AssessmentData data) {
        AssessmentReport header = data.header();
        String scope = header.tenantId + "/" + header.assessmentId;
        List<GapView> gaps = reports.gaps(data);
        List<ActionView> actions = new ArrayList<>();
        for (PhaseView phase : reports.roadmap(data).phases()) {
            actions.addAll(phase.items());
        }
        if (gaps.isEmpty() && actions.isEmpty()) {
            throw ApiException.conflict("Assessment " + header.assessmentId
                    + " has no gaps and no remediation actions, so there is no plan of action to export", "kind");
        }
        Map<String, RiskRating> ratings = openRisks(data.risks());

        ArrayNode risks = objectMapper.createArrayNode();
        Map<String, UUID> riskIdByRef = new LinkedHashMap<>();
        for (GapView gap : gaps) {
            UUID riskId = uuid(scope, "gap-risk/" + gap.requirementRef());
            riskIdByRef.put(gap.requirementRef(), riskId);
            risks.add(gapRisk(riskId, scope, gap, ratings.get(gap.requirementRef()), actions));
        }

        ArrayNode items = objectMapper.createArrayNode();
        for (ActionView action : actions) {
            ObjectNode item = items.addObject();
            item.put("uuid", uuid(scope, "poam-item/" + action.actionId()).toString());
            item.put("title", line(action.title()));
            item.put("description", "Remediates " + String.join(", ", action.requirementRefs()) + ". Owner "
                    + orDash(action.owner()) + ", due " + action.dueDate() + ", status " + action.status()
                    + (action.overdue() ? ", overdue" : "") + ".");
            ArrayNode props = item.putArray("props");
            prop(props, "action-id", action.actionId().toString());
            prop(props, "priority", action.priority());
            prop(props, "owner", action.owner());
            prop(props, "due-date", action.dueDate());
            prop(props, "action-status", action.status());
            prop(props, "overdue", action.overdue());
            ArrayNode related = objectMapper.createArrayNode();
            action.requirementRefs().stream().map(riskIdByRef::get).filter(id -> id != null)
                    .forEach(id -> related.addObject().put("risk-uuid", id.toString()));
            putIfNotEmpty(item, "related-risks", related);
        }
        for (GapView gap : gaps) {
            if (gap.actionId() != null) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("uuid", uuid(scope, "poam-gap/" + gap.requirementRef()).toString());
            item.put("title", line("Plan the remediation of " + gap.requirementRef() + " " + gap.title()));
            item.put("description", "No remediation action is planned yet for this gap.");
            item.putArray("related-risks").addObject().put("risk-uuid", riskIdByRef.get(gap.requirementRef()).toString());
        }

        ObjectNode document = objectMapper.createObjectNode();
        ObjectNode poam = document.putObject("plan-of-action-and-milestones");
        poam.put("uuid", uuid(scope, "poam").toString());
        poam.set("metadata", metadata("Plan of action and milestones: " + name(header), header));
        ObjectNode systemId = poam.putObject("system-id");
        systemId.put("identifier-type", "https://ietf.org/rfc/rfc4122");
        systemId.put("id", header.assessmentId.toString());
        putIfNotEmpty(poam, "risks", risks);
        poam.set("poam-items", items);
        return document;
    }

    private ObjectNode observation(UUID observationId, RequirementResult requirement) {
        ObjectNode observation = objectMapper.createObjectNode();
        observation.put("uuid", observationId.toString());
        observation.put("title", line("Answer for " + requirement.ref));
        StringBuilder description = new StringBuilder(describe(requirement));
        if (requirement.justification != null && !requirement.justification.isBlank()) {
            description.append("\n\nJustification: ").append(requirement.justification.trim());
        }
        if (requirement.notes != null && !requirement.notes.isBlank()) {
            description.append("\n\nNotes: ").append(requirement.notes.trim());
        }
        observation.put("description", description.toString());

        observation.putArray("methods").add("EXAMINE").add("INTERVIEW");
        OffsetDateTime collected = requirement.answeredAt != null ? requirement.answeredAt : requirement.statusAt;
        if (collected != null) {
            observation.put("collected", timestamp(collected));
        } else {
            observation.put("collected", timestamp(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        }

        ArrayNode evidence = observation.putArray("relevant-evidence");
        for (EvidenceView item : reports.evidence(requirement)) {
            StringBuilder text = new StringBuilder(item.title().trim());
            if (item.reference() != null && !item.reference().isBlank()) {
                text.append(" (reference ").append(item.reference().trim()).append(')');
            }
            if (item.owner() != null && !item.owner().isBlank()) {
                text.append(", owner ").append(item.owner().trim());
            }
            if (item.collectedOn() != null) {
                text.append(", collected on ").append(item.collectedOn());
            }
            evidence.addObject().put("description", text.toString());
        }
        if (evidence.isEmpty()) {
            observation.remove("relevant-evidence");
        }

        ArrayNode props = observation.putArray("props");
        prop(props, "requirement", requirement.ref);
        prop(props, "implementation-status", requirement.status);
        prop(props, "maturity", requirement.maturity);
        prop(props, "answered-by", requirement.answeredBy);
        return observation;
    }

    private ObjectNode risk(UUID riskId, RiskRating rating, RequirementResult requirement) {
        ObjectNode risk = objectMapper.createObjectNode();
        risk.put("uuid", riskId.toString());
        risk.put("title", line("Risk of the gap in " + requirement.ref + " " + requirement.title));
        risk.put("description", describe(requirement));
        risk.put("statement", ratingSentence(rating));
        risk.put("status", rating.open() ? "open" : "closed");
        ArrayNode props = risk.putArray("props");
        prop(props, "likelihood", rating.likelihood);
        prop(props, "impact", rating.impact);
        prop(props, "score", rating.score);
        prop(props, "risk-level", rating.level);
        prop(props, "residual-risk-level", rating.residualLevel);
        return risk;
    }

    private ObjectNode gapRisk(UUID riskId, String scope, GapView gap, RiskRating rating, List<ActionView> actions) {
        ObjectNode risk = objectMapper.createObjectNode();
        risk.put("uuid", riskId.toString());
        risk.put("title", line("Gap in " + gap.requirementRef() + " " + gap.title()));
        risk.put("description", gap.requirementRef() + " is " + gap.status() + " with maturity "
                + (gap.maturity() == null ? "not rated" : gap.maturity()) + " of target " + gap.targetMaturity() + ".");
        risk.put("statement", rating == null ? "The risk behind this gap is not rated yet." : ratingSentence(rating));
        List<ActionView> covering = actions.stream().filter(a -> a.requirementRefs().contains(gap.requirementRef())).toList();
        // OSCAL risk status: open without an action, remediating while an action is unfinished, closed after.
        String status = "closed";
        if (covering.isEmpty()) {
            status = "open";
        } else if (covering.stream().anyMatch(a -> !RemediationAction.isCompleted(a.status()))) {
            status = "remediating";
        }
        risk.put("status", status);

        ArrayNode props = risk.putArray("props");
        prop(props, "requirement", gap.requirementRef());
        prop(props, "risk-level", gap.riskLevel());

        ArrayNode remediations = objectMapper.createArrayNode();
        for (ActionView action : covering) {
            ObjectNode remediation = remediations.addObject();
            remediation.put("uuid", uuid(scope, "remediation/" + action.actionId() + "/" + gap.requirementRef()).toString());
            remediation.put("lifecycle", RemediationAction.isCompleted(action.status()) ? "completed" : "planned");
            remediation.put("title", line(action.title()));
            remediation.put("description", "Owner " + orDash(action.owner()) + ", due " + action.dueDate() + ", status "
                    + action.status() + (action.overdue() ? ", overdue" : "") + ".");
            if (action.dueDate() != null) {
                ObjectNode task = remediation.putArray("tasks").addObject();
                task.put("uuid", uuid(scope, "milestone/" + action.actionId() + "/" + gap.requirementRef()).toString());
                task.put("type", "milestone");
                task.put("title", line("Due date of " + action.title()));
                task.putObject("timing").putObject("on-date").put("date", endOfDay(action.dueDate()));
            }
        }
        putIfNotEmpty(risk, "remediations", remediations);
        return risk;
    }

    private ObjectNode metadata(String title, AssessmentReport header) {
        ObjectNode metadata = objectMapper.createObjectNode();
        metadata.put("title", line(title));
        metadata.put("last-modified", timestamp(header.latestEventAt));
        metadata.put("version", String.valueOf(header.eventCount));
        metadata.put("oscal-version", OSCAL_VERSION);
        ArrayNode props = metadata.putArray("props");
        prop(props, "assessment-id", header.assessmentId.toString());
        prop(props, "catalog", header.catalogId == null ? null : header.catalogId + " " + header.catalogVersion);
        prop(props, "latest-event-id", header.latestEventId);
        return metadata;
    }

    private void prop(ArrayNode props, String name, Object value) {
        if (value == null || value.toString().isBlank()) {
            return;
        }
        ObjectNode prop = props.addObject();
        prop.put("name", name);
        prop.put("ns", NAMESPACE);
        prop.put("value", line(value.toString()).trim());
    }

    private static void putIfNotEmpty(ObjectNode parent, String field, ArrayNode values) {
        if (!values.isEmpty()) {
            parent.set(field, values);
        }
    }

    private static String describe(RequirementResult requirement) {
        return requirement.ref + " " + requirement.title + ": " + requirement.status
                + (requirement.maturity == null ? "" : ", maturity " + requirement.maturity)
                + (requirement.targetMaturity == null ? "" : " (target " + requirement.targetMaturity + ")") + ".";
    }

    private static String ratingSentence(RiskRating rating) {
        return "Risk level " + rating.level + ": likelihood " + rating.likelihood + ", impact " + rating.impact
                + ", score " + rating.score + (rating.residualLevel == null ? "" : "; residual level " + rating.residualLevel)
                + ".";
    }

    private static String implementationState(String status) {
        return switch (status) {
            case ComplianceRules.IMPLEMENTED -> "implemented";
            case ComplianceRules.PARTIALLY_IMPLEMENTED -> "partial";
            case ComplianceRules.NOT_APPLICABLE -> "not-applicable";
            default -> "planned";
        };
    }

    private static Map<String, RiskRating> openRisks(List<RiskRating> ratings) {
        Map<String, RiskRating> byRef = new LinkedHashMap<>();
        for (RiskRating rating : ratings) {
            if (rating.open()) {
                byRef.merge(rating.requirementRef, rating, (kept, candidate) -> candidate.score > kept.score ? candidate : kept);
            }
        }
        return byRef;
    }

    private static String name(AssessmentReport header) {
        return header.name == null ? "assessment " + header.assessmentId : header.name;
    }

    /** Turns text into an OSCAL single-line value: no line breaks, no surrounding whitespace, never empty. */
    private static String line(String text) {
        String single = text == null ? "" : text.replaceAll("[\\r\\n]+", " ").trim();
        return single.isEmpty() ? "untitled" : single;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** Turns a requirement reference into an XML NCName, as OSCAL target ids must be: 4.1 becomes req-4.1. */
    static String token(String ref) {
        String cleaned = ref.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return Character.isLetter(cleaned.charAt(0)) || cleaned.charAt(0) == '_' ? cleaned : "req-" + cleaned;
    }

    private static String timestamp(OffsetDateTime time) {
        return time.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String endOfDay(LocalDate date) {
        return date.atTime(23, 59, 59).atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    /** Derives a name-based version 5 UUID (RFC 4122, SHA-1) from the GapLens namespace and {@code scope/name}. */
    static UUID uuid(String scope, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(UUID_NAMESPACE));
            byte[] hash = sha1.digest((scope + "/" + name).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long mostSignificant = 0;
            long leastSignificant = 0;
            for (int i = 0; i < 8; i++) {
                mostSignificant = (mostSignificant << 8) | (hash[i] & 0xff);
                leastSignificant = (leastSignificant << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(mostSignificant, leastSignificant);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long mostSignificant = uuid.getMostSignificantBits();
        long leastSignificant = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (mostSignificant >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (leastSignificant >>> (56 - 8 * i));
        }
        return bytes;
    }
}
