package io.gaplens.reporting.service;

import io.gaplens.platform.api.Page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.Page;
import io.gaplens.platform.api.PageRequest;
import io.gaplens.reporting.api.ReportViews.ActionView;
import io.gaplens.reporting.api.ReportViews.AssessmentHeader;
import io.gaplens.reporting.api.ReportViews.AssessmentSummary;
import io.gaplens.reporting.api.ReportViews.Compliance;
import io.gaplens.reporting.api.ReportViews.EventWatermark;
import io.gaplens.reporting.api.ReportViews.EvidenceView;
import io.gaplens.reporting.api.ReportViews.GapList;
import io.gaplens.reporting.api.ReportViews.GapView;
import io.gaplens.reporting.api.ReportViews.GroupCompliance;
import io.gaplens.reporting.api.ReportViews.GroupTrend;
import io.gaplens.reporting.api.ReportViews.HeatCell;
import io.gaplens.reporting.api.ReportViews.HeatMap;
import io.gaplens.reporting.api.ReportViews.PhaseView;
import io.gaplens.reporting.api.ReportViews.Progress;
import io.gaplens.reporting.api.ReportViews.RequirementTrend;
import io.gaplens.reporting.api.ReportViews.Roadmap;
import io.gaplens.reporting.api.ReportViews.SoaCounts;
import io.gaplens.reporting.api.ReportViews.SoaEntry;
import io.gaplens.reporting.api.ReportViews.StatementOfApplicability;
import io.gaplens.reporting.api.ReportViews.Trend;
import io.gaplens.reporting.domain.AssessmentReport;
import io.gaplens.reporting.domain.RemediationAction;
import io.gaplens.reporting.domain.RequirementResult;
import io.gaplens.reporting.domain.RiskRating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import static io.gaplens.reporting.service.ComplianceRules.REFERENCE_ORDER;

/** Computes the reports of one assessment from its read models. */
@ApplicationScoped
public class ReportBuilder {

    /** The risk level of a gap that no open risk rates yet. */
    public static final String UNRATED = "UNRATED";

    public static final String APPLICABLE = "APPLICABLE";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";
    public static final String UNDECIDED = "UNDECIDED";

    private static final Map<Integer, String> PHASE_NAMES = Map.of(
            1, "Immediate fixes", 2, "Process improvement", 3, "Ongoing monitoring");

    private static final int MIN_HEAT_MAP_SCALE = 5;

    @Inject
    ObjectMapper objectMapper;

    /** Loads an assessment of the tenant, or fails with 404 when no event named it. */
    public AssessmentData load(String tenantId, UUID assessmentId) {
        AssessmentReport header = AssessmentReport.findFor(tenantId, assessmentId)
                .orElseThrow(() -> ApiException.notFound("Assessment", assessmentId));
        return new AssessmentData(header, RequirementResult.listFor(tenantId, assessmentId),
                RiskRating.listFor(tenantId, assessmentId), RemediationAction.listFor(tenantId, assessmentId));
    }

    /**
     * Loads the baseline of a re-assessment. Fails with 409 when the assessment has no baseline,
     * and with 404 when no event named the baseline yet.
     */
    public AssessmentData loadBaseline(String tenantId, AssessmentData current) {
        UUID baselineId = current.header().baselineAssessmentId;
        if (baselineId == null) {
            throw ApiException.conflict("Assessment " + current.header().assessmentId
                    + " has no baseline assessment, so there is no trend to report", "assessmentId");
        }
        return load(tenantId, baselineId);
    }

    public Page<AssessmentHeader> assessments(String tenantId, PageRequest request) {
        List<AssessmentHeader> headers = AssessmentReport.pageFor(tenantId, request.offset(), request.size()).stream()
                .map(ReportBuilder::header)
                .toList();
        return Page.of(headers, request, AssessmentReport.countFor(tenantId));
    }

    public AssessmentSummary summary(AssessmentData data) {
        List<RequirementResult> requirements = data.requirements();
        Map<String, Integer> countsByStatus = new LinkedHashMap<>();
        ComplianceRules.STATUSES.forEach(status -> countsByStatus.put(status, 0));
        requirements.forEach(requirement -> countsByStatus.merge(requirement.status, 1, Integer::sum));

        int answered = (int) requirements.stream().filter(ComplianceRules::assessed).count();
        Progress progress = new Progress(answered, requirements.size(),
                ComplianceRules.percent(answered, requirements.size()));

        Map<String, Integer> gapsByRiskLevel = new TreeMap<>(ComplianceRules.RISK_LEVEL_ORDER);
        List<GapView> gaps = gaps(data);
        gaps.forEach(gap -> gapsByRiskLevel.merge(gap.riskLevel(), 1, Integer::sum));

        return new AssessmentSummary(header(data.header()), compliance(requirements),
                groups(requirements, "CLAUSE"), groups(requirements, "CONTROL"), countsByStatus, progress,
                gaps.size(), gapsByRiskLevel, watermark(data.header()));
    }

    /** Lists every gap of the assessment in catalogue order. */
    public List<GapView> gaps(AssessmentData data) {
        Map<String, RiskRating> risks = risksByRequirement(data.risks());
        List<GapView> gaps = new ArrayList<>();
        for (RequirementResult requirement : data.requirements()) {
            if (!ComplianceRules.gap(requirement)) {
                continue;
            }
            RiskRating risk = risks.get(requirement.ref);
            Optional<RemediationAction> action = actionFor(requirement.ref, data.actions());
            gaps.add(new GapView(requirement.ref, requirement.title, requirement.kind, requirement.groupRef,
                    requirement.status, requirement.maturity, requirement.targetMaturity,
                    risk == null ? UNRATED : risk.level, risk == null ? null : risk.score,
                    action.map(a -> a.actionId).orElse(null), action.map(a -> a.title).orElse(null),
                    action.map(a -> a.phase).orElse(null), action.map(a -> a.owner).orElse(null),
                    action.map(a -> a.dueDate).orElse(null), action.map(a -> a.status).orElse(null),
                    action.map(RemediationAction::overdue).orElse(false)));
        }
        return gaps;
    }

    /** Returns one page of the gaps that match every given filter. A blank filter matches everything. */
    public GapList gapPage(AssessmentData data, GapFilter filter, PageRequest page) {
        List<GapView> matching = gaps(data).stream().filter(filter).toList();
        int from = Math.min(page.offset(), matching.size());
        int to = Math.min(from + page.size(), matching.size());
        int totalPages = (matching.size() + page.size() - 1) / page.size();
        return new GapList(data.header().assessmentId, matching.subList(from, to), page.page(), page.size(),
                matching.size(), totalPages, watermark(data.header()));
    }

    public StatementOfApplicability statementOfApplicability(AssessmentData data) {
        List<SoaEntry> entries = new ArrayList<>();
        int applicable = 0;
        int notApplicable = 0;
        int undecided = 0;
        int implemented = 0;
        for (RequirementResult requirement : data.requirements()) {
            if (!"CONTROL".equals(requirement.kind)) {
                continue;
            }
            String applicability;
            if (!ComplianceRules.assessed(requirement)) {
                applicability = UNDECIDED;
                undecided++;
            } else if (!ComplianceRules.applicable(requirement)) {
                applicability = NOT_APPLICABLE;
                notApplicable++;
            } else {
                applicability = APPLICABLE;
                applicable++;
            }
            if (ComplianceRules.IMPLEMENTED.equals(requirement.status)) {
                implemented++;
            }
            entries.add(new SoaEntry(requirement.ref, requirement.title, requirement.groupRef, applicability,
                    requirement.inclusionReasons == null ? List.of() : Arrays.asList(requirement.inclusionReasons.split(",")),
                    requirement.justification, requirement.status, requirement.maturity, evidence(requirement)));
        }
        return new StatementOfApplicability(header(data.header()),
                new SoaCounts(entries.size(), applicable, notApplicable, undecided, implemented), entries,
                watermark(data.header()));
    }

    public HeatMap heatMap(AssessmentData data) {
        List<RiskRating> open = data.risks().stream().filter(RiskRating::open).toList();
        int scale = MIN_HEAT_MAP_SCALE;
        for (RiskRating risk : open) {
            scale = Math.max(scale, Math.max(risk.likelihood, risk.impact));
            if (risk.residualLikelihood != null && risk.residualImpact != null) {
                scale = Math.max(scale, Math.max(risk.residualLikelihood, risk.residualImpact));
            }
        }
        int[][] inherent = new int[scale + 1][scale + 1];
        int[][] residual = new int[scale + 1][scale + 1];
        Map<String, Integer> inherentByLevel = new TreeMap<>(ComplianceRules.RISK_LEVEL_ORDER);
        Map<String, Integer> residualByLevel = new TreeMap<>(ComplianceRules.RISK_LEVEL_ORDER);
        int withoutResidual = 0;
        for (RiskRating risk : open) {
            inherent[risk.likelihood][risk.impact]++;
            inherentByLevel.merge(risk.level, 1, Integer::sum);
            if (risk.residualLikelihood != null && risk.residualImpact != null
                    && risk.residualLikelihood >= 1 && risk.residualImpact >= 1) {
                residual[risk.residualLikelihood][risk.residualImpact]++;
                if (risk.residualLevel != null) {
                    residualByLevel.merge(risk.residualLevel, 1, Integer::sum);
                }
            } else {
                withoutResidual++;
            }
        }
        return new HeatMap(data.header().assessmentId, scale, open.size(), withoutResidual, cells(inherent, scale),
                cells(residual, scale), inherentByLevel, residualByLevel, watermark(data.header()));
    }

    public Roadmap roadmap(AssessmentData data) {
        Map<Integer, List<RemediationAction>> byPhase = new TreeMap<>();
        PHASE_NAMES.keySet().forEach(phase -> byPhase.put(phase, new ArrayList<>()));
        // NOTE: an action known only from RemediationCompleted or RemediationOverdue has no phase
        // until its RemediationPlanned arrives, and is left out of the roadmap until then.
        Map<Integer, Integer> cancelledByPhase = new TreeMap<>();
        for (RemediationAction action : data.actions()) {
            if (action.phase == null) {
                continue;
            }
            if (action.cancelled()) {
                cancelledByPhase.merge(action.phase, 1, Integer::sum);
            } else {
                byPhase.computeIfAbsent(action.phase, phase -> new ArrayList<>()).add(action);
            }
        }

        List<PhaseView> phases = new ArrayList<>();
        int total = 0;
        int completed = 0;
        int overdue = 0;
        for (Map.Entry<Integer, List<RemediationAction>> entry : byPhase.entrySet()) {
            List<RemediationAction> actions = entry.getValue();
            int phaseCompleted = (int) actions.stream().filter(RemediationAction::completed).count();
            int phaseOverdue = (int) actions.stream().filter(RemediationAction::overdue).count();
            phases.add(new PhaseView(entry.getKey(), PHASE_NAMES.getOrDefault(entry.getKey(), "Phase " + entry.getKey()),
                    actions.size(), phaseCompleted, phaseOverdue, cancelledByPhase.getOrDefault(entry.getKey(), 0),
                    ComplianceRules.percent(phaseCompleted, actions.size()),
                    actions.stream().map(a -> a.dueDate).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null),
                    actions.stream().map(a -> a.dueDate).filter(d -> d != null).max(Comparator.naturalOrder()).orElse(null),
                    actions.stream().map(this::actionView).toList()));
            total += actions.size();
            completed += phaseCompleted;
            overdue += phaseOverdue;
        }
        return new Roadmap(data.header().assessmentId, total, completed, overdue,
                ComplianceRules.percent(completed, total), phases, watermark(data.header()));
    }

    /** Compares a re-assessment with its baseline assessment, requirement by requirement and per group. */
    public Trend trend(AssessmentData current, AssessmentData baseline) {
        Map<String, RequirementResult> before = new LinkedHashMap<>();
        baseline.requirements().forEach(requirement -> before.put(requirement.ref, requirement));

        List<RequirementTrend> requirements = new ArrayList<>();
        for (RequirementResult requirement : current.requirements()) {
            RequirementResult old = before.get(requirement.ref);
            requirements.add(new RequirementTrend(requirement.ref, requirement.title, requirement.groupRef,
                    old == null ? null : old.status, old == null ? null : old.maturity, requirement.status,
                    requirement.maturity, TrendRules.change(old, requirement).name()));
        }

        BigDecimal baselinePercent = compliance(baseline.requirements()).percent();
        BigDecimal currentPercent = compliance(current.requirements()).percent();
        return new Trend(current.header().assessmentId, baseline.header().assessmentId, TrendRules.count(requirements),
                baselinePercent, currentPercent, TrendRules.delta(baselinePercent, currentPercent),
                groupTrends(current, baseline, requirements, "CLAUSE"),
                groupTrends(current, baseline, requirements, "CONTROL"), requirements,
                watermark(current.header()), watermark(baseline.header()));
    }

    private List<GroupTrend> groupTrends(AssessmentData current, AssessmentData baseline,
                                         List<RequirementTrend> requirements, String kind) {
        List<GroupTrend> trends = new ArrayList<>();
        for (String group : groupsOf(current.requirements(), kind)) {
            List<RequirementTrend> inGroup = requirements.stream().filter(r -> group.equals(r.group())).toList();
            BigDecimal baselinePercent = compliance(baseline.requirements().stream()
                    .filter(r -> group.equals(r.groupRef)).toList()).percent();
            BigDecimal currentPercent = compliance(current.requirements().stream()
                    .filter(r -> group.equals(r.groupRef)).toList()).percent();
            trends.add(new GroupTrend(group, ComplianceRules.groupTitle(group), TrendRules.count(inGroup),
                    baselinePercent, currentPercent, TrendRules.delta(baselinePercent, currentPercent)));
        }
        return trends;
    }

    private static Compliance compliance(List<RequirementResult> requirements) {
        int notApplicable = 0;
        int notAssessed = 0;
        int assessed = 0;
        int compliant = 0;
        int gaps = 0;
        for (RequirementResult requirement : requirements) {
            if (!ComplianceRules.assessed(requirement)) {
                notAssessed++;
            } else if (!ComplianceRules.applicable(requirement)) {
                notApplicable++;
            } else {
                assessed++;
                if (ComplianceRules.compliant(requirement)) {
                    compliant++;
                }
                if (ComplianceRules.gap(requirement)) {
                    gaps++;
                }
            }
        }
        return new Compliance(requirements.size(), notApplicable, notAssessed, assessed, compliant, gaps,
                ComplianceRules.percent(compliant, assessed));
    }

    private static List<GroupCompliance> groups(List<RequirementResult> requirements, String kind) {
        List<GroupCompliance> groups = new ArrayList<>();
        for (String group : groupsOf(requirements, kind)) {
            groups.add(new GroupCompliance(group, ComplianceRules.groupTitle(group), compliance(requirements.stream()
                    .filter(r -> kind.equals(r.kind) && group.equals(r.groupRef)).toList())));
        }
        return groups;
    }

    private static List<String> groupsOf(List<RequirementResult> requirements, String kind) {
        return requirements.stream().filter(r -> kind.equals(r.kind)).map(r -> r.groupRef).distinct()
                .sorted(REFERENCE_ORDER).toList();
    }

    /** Picks the open risk with the highest score per requirement. The latest rating wins a tie. */
    private static Map<String, RiskRating> risksByRequirement(List<RiskRating> risks) {
        Map<String, RiskRating> byRequirement = new LinkedHashMap<>();
        for (RiskRating risk : risks) {
            if (!risk.open()) {
                continue;
            }
            byRequirement.merge(risk.requirementRef, risk, (kept, candidate) ->
                    candidate.score > kept.score || (candidate.score == kept.score
                            && candidate.assessedAt.isAfter(kept.assessedAt)) ? candidate : kept);
        }
        return byRequirement;
    }

    /**
     * Picks the action that addresses a requirement: an unfinished one before a completed one, then
     * by phase, priority and due date.
     */
    private Optional<RemediationAction> actionFor(String ref, List<RemediationAction> actions) {
        return actions.stream()
                .filter(action -> action.title != null && !action.cancelled() && refs(action).contains(ref))
                .min(Comparator.comparing(RemediationAction::completed)
                        .thenComparing(a -> a.phase, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(a -> a.priority, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(a -> a.dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    private ActionView actionView(RemediationAction action) {
        return new ActionView(action.actionId, action.title, refs(action), action.priority, action.riskLevel,
                action.owner, action.dueDate, action.status, action.overdue(), action.completedAt);
    }

    public List<String> refs(RemediationAction action) {
        try {
            return objectMapper.readValue(action.requirementRefs, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("requirement_refs of action " + action.actionId + " is not a JSON array", e);
        }
    }

    public List<EvidenceView> evidence(RequirementResult requirement) {
        if (requirement.evidence == null) {
            return List.of();
        }
        try {
            return objectMapper.readValue(requirement.evidence, new TypeReference<List<EvidenceView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence of requirement " + requirement.ref + " is not a JSON array", e);
        }
    }

    private static List<HeatCell> cells(int[][] counts, int scale) {
        List<HeatCell> cells = new ArrayList<>();
        for (int likelihood = scale; likelihood >= 1; likelihood--) {
            for (int impact = 1; impact <= scale; impact++) {
                cells.add(new HeatCell(likelihood, impact, counts[likelihood][impact]));
            }
        }
        return cells;
    }

    static AssessmentHeader header(AssessmentReport report) {
        String state = "AWAITING_START";
        if (report.completedAt != null) {
            state = "COMPLETED";
        } else if (report.startedAt != null) {
            state = "IN_PROGRESS";
        }
        return new AssessmentHeader(report.assessmentId, report.name, report.catalogId, report.catalogVersion,
                report.targetMaturity, report.baselineAssessmentId, report.scopeCriticality, report.startedAt,
                report.completedAt, state, watermark(report));
    }

    static EventWatermark watermark(AssessmentReport report) {
        return new EventWatermark(report.latestEventId, report.latestEventType, report.latestEventAt, report.eventCount);
    }

    /** Filters of the gap list: clause or theme, risk level, implementation status. */
    public record GapFilter(String group, String level, String status) implements Predicate<GapView> {

        public static GapFilter parse(String group, String level, String status) {
            String normalisedStatus = blankToNull(status);
            if (normalisedStatus != null) {
                normalisedStatus = normalisedStatus.toUpperCase(Locale.ROOT);
                if (!List.of(ComplianceRules.NOT_IMPLEMENTED, ComplianceRules.PARTIALLY_IMPLEMENTED,
                        ComplianceRules.IMPLEMENTED).contains(normalisedStatus)) {
                    throw ApiException.invalid("status", "must be NOT_IMPLEMENTED, PARTIALLY_IMPLEMENTED or "
                            + "IMPLEMENTED (implemented below the target maturity), was '" + status + "'");
                }
            }
            String normalisedLevel = blankToNull(level);
            if (normalisedLevel != null && normalisedLevel.length() > 50) {
                throw ApiException.invalid("level", "must be at most 50 characters, was " + normalisedLevel.length());
            }
            String normalisedGroup = blankToNull(group);
            if (normalisedGroup != null && normalisedGroup.length() > 50) {
                throw ApiException.invalid("group", "must be at most 50 characters, was " + normalisedGroup.length());
            }
            return new GapFilter(normalisedGroup, normalisedLevel, normalisedStatus);
        }

        @Override
        public boolean test(GapView gap) {
            return (group == null || group.equalsIgnoreCase(gap.group()))
                    && (level == null || level.equalsIgnoreCase(gap.riskLevel()))
                    && (status == null || status.equals(gap.status()));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
