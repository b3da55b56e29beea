package io.gaplens.scenario;

import io.gaplens.client.assessment.model.SummaryView;
import io.gaplens.client.catalog.model.CoverageView;
import io.gaplens.client.catalog.model.TargetRequirement;
import io.gaplens.client.remediation.model.ActionView;
import io.gaplens.client.remediation.model.PhaseView;
import io.gaplens.client.reporting.model.AssessmentSummary;
import io.gaplens.client.reporting.model.Compliance;
import io.gaplens.client.reporting.model.GroupCompliance;
import io.gaplens.client.reporting.model.GroupTrend;
import io.gaplens.client.reporting.model.Trend;
import io.gaplens.infra.LocalTokens;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main job of the local stack: runs {@link GapAnalysisScenario} against running services and
 * prints what a consultant reads. {@code deploy/gaplens demo} starts the stack and calls it.
 *
 * <p>Options: {@code --catalog --assessment --risk --remediation --reporting URL}, {@code --keys DIR}
 * and {@code --issuer ISSUER} (the stack's token signing key), {@code --sample DIR},
 * {@code --output DIR}, and optionally {@code --controls FILE --mapping FILE}.
 */
public final class DemoMain {

    private static final PrintStream OUT = System.out;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private DemoMain() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = parse(args);
            Endpoints endpoints = new Endpoints(required(options, "catalog"), required(options, "assessment"),
                    required(options, "risk"), required(options, "remediation"), required(options, "reporting"));
            Path keys = Path.of(required(options, "keys"));
            String issuer = required(options, "issuer");
            GapAnalysisScenario.Tokens tokens = (tenant, roles) -> sign(keys, issuer, tenant, roles);
            Sample sample = Sample.load(Path.of(required(options, "sample")));
            Path output = Path.of(required(options, "output")).toAbsolutePath();
            Path controls = options.containsKey("controls") ? Path.of(options.get("controls")) : null;
            Path mapping = options.containsKey("mapping") ? Path.of(options.get("mapping")) : null;
            if ((controls == null) != (mapping == null)) {
                throw new IllegalArgumentException("--controls and --mapping go together");
            }

            OUT.println();
            OUT.println("GapLens demo: ISO/IEC 27001:2022 gap analysis of " + sample.name());
            GapAnalysisScenario scenario = new GapAnalysisScenario(endpoints, tokens, sample, output,
                    line -> OUT.println("[" + LocalTime.now().format(CLOCK) + "] " + line));
            GapAnalysisScenario.Result result = scenario.run(controls, mapping);

            printSummary(sample, result);
            if (result.coverage() != null) {
                printCoverage(result.coverage());
            }
            printTrend(result);
            OUT.println();
            OUT.println("Report files: " + output);
            result.files().keySet().forEach(name -> OUT.println("  " + name));
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("demo failed: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private static void printSummary(Sample sample, GapAnalysisScenario.Result result) {
        AssessmentSummary report = result.report();
        SummaryView assessment = result.assessmentSummary();
        OUT.println();
        OUT.println("== Gap analysis summary: " + sample.name() + " ==");
        OUT.printf("Compliance overall: %s (%d of %d applicable requirements meet the target maturity %d)%n",
                percent(report.getOverall()), report.getOverall().getCompliant(), report.getOverall().getAssessed(),
                assessment.getTargetMaturity());
        OUT.printf("Progress: %d of %d requirements answered; %d not applicable%n",
                report.getProgress().getAnswered(), report.getProgress().getAssessable(),
                report.getOverall().getNotApplicable());
        OUT.println();
        OUT.println("Compliance per clause:");
        for (GroupCompliance clause : report.getClauses()) {
            OUT.printf("  %-5s %-32s %s%n", clause.getGroup(), shorten(clause.getTitle(), 32), percent(clause.getCompliance()));
        }
        OUT.println("Compliance per Annex A theme:");
        for (GroupCompliance theme : report.getThemes()) {
            OUT.printf("  %-5s %-32s %s%n", theme.getGroup(), shorten(theme.getTitle(), 32), percent(theme.getCompliance()));
        }
        OUT.println();
        OUT.println("Gaps by risk level (" + report.getGapCount() + " gaps):");
        report.getGapsByRiskLevel().forEach((level, count) -> OUT.printf("  %-10s %d%n", level, count));

        OUT.println();
        OUT.println("Phase 1, immediate fixes:");
        for (PhaseView phase : result.plan().getPhases()) {
            if (phase.getPhase() != 1) {
                continue;
            }
            for (ActionView action : phase.getActions()) {
                OUT.printf("  %-8s %-55s %-24s due %s%n", action.getRiskLevel(), shorten(action.getTitle(), 55),
                        action.getOwner() == null ? "unassigned" : action.getOwner(), action.getDueDate());
            }
        }
    }

    private static void printCoverage(CoverageView coverage) {
        OUT.println();
        OUT.printf("Internal controls cover %d of %d Annex A controls; no internal control covers these %d:%n",
                coverage.getCoveredCount(), coverage.getTargetRequirementCount(), coverage.getUncoveredCount());
        for (TargetRequirement requirement : coverage.getUncovered()) {
            OUT.printf("  %-7s %s%n", requirement.getRef(), requirement.getTitle());
        }
    }

    private static void printTrend(GapAnalysisScenario.Result result) {
        Trend trend = result.trend();
        OUT.println();
        OUT.println("== Re-assessment against the baseline ==");
        OUT.println("Remediation actions completed before the re-assessment: " + result.completedActions().size());
        OUT.printf("Compliance: %s%% -> %s%% (%s points)%n", trend.getBaselinePercent(), trend.getCurrentPercent(),
                signed(trend.getDeltaPoints()));
        Map<String, Integer> changes = trend.getChanges() == null ? new HashMap<>() : trend.getChanges();
        OUT.println("Requirements: " + changes);
        for (GroupTrend theme : trend.getThemes()) {
            OUT.printf("  %-5s %-32s %s%% -> %s%%%n", theme.getGroup(), shorten(theme.getTitle(), 32),
                    theme.getBaselinePercent(), theme.getCurrentPercent());
        }
        List<String> improved = trend.getRequirements().stream()
                .filter(requirement -> "IMPROVED".equalsIgnoreCase(requirement.getChange()))
                .map(requirement -> requirement.getRequirementRef()).toList();
        List<String> worsened = trend.getRequirements().stream()
                .filter(requirement -> "WORSENED".equalsIgnoreCase(requirement.getChange()))
                .map(requirement -> requirement.getRequirementRef()).toList();
        OUT.println("Improved: " + improved);
        OUT.println("Worsened: " + worsened);
    }

    private static String percent(Compliance compliance) {
        return compliance.getPercent() == null ? "n/a" : compliance.getPercent().setScale(1, RoundingMode.HALF_UP) + "%";
    }

    private static String signed(BigDecimal value) {
        return value == null ? "n/a" : (value.signum() > 0 ? "+" : "") + value;
    }

    private static String shorten(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String sign(Path keys, String issuer, String tenant, String... roles) {
        try {
            return LocalTokens.sign(keys, issuer, tenant, List.of(roles), roles[0] + "@" + tenant, 2);
        } catch (Exception e) {
            throw new IllegalStateException("Signing a token with the key in " + keys + " failed", e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option VALUE pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
