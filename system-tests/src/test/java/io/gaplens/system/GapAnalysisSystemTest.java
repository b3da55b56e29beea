package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.gaplens.client.assessment.api.AnswersApi;
import io.gaplens.client.assessment.api.AssessmentsApi;
import io.gaplens.client.assessment.model.AnswerRequest;
import io.gaplens.client.assessment.model.ImplementationStatus;
import io.gaplens.client.remediation.api.RemediationPlansApi;
import io.gaplens.client.reporting.api.ReportsApi;
import io.gaplens.client.reporting.model.AssessmentSummary;
import io.gaplens.client.reporting.model.GroupCompliance;
import io.gaplens.client.reporting.model.GroupTrend;
import io.gaplens.client.risk.api.RiskRegisterApi;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.Endpoints;
import io.gaplens.scenario.GapAnalysisScenario;
import io.gaplens.scenario.GapLensStack;
import io.gaplens.scenario.Sample;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's gap analysis of the sample organisation, end to end, with figures computed by hand
 * from deploy/sample/answers.csv. Of 123 assessable requirements, 4 are not applicable. Of the 119
 * applicable ones, 67 are implemented at or above the target maturity 3, which leaves 52 gaps.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapAnalysisSystemTest {

    private static final String TENANT = "meridian-freight";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GapLensStack stack;
    private GapAnalysisScenario.Result result;

    GapAnalysisSystemTest(GapLensStack stack) {
        this.stack = stack;
    }

    @BeforeAll
    void runScenario() throws Exception {
        Path output = Files.createTempDirectory("gaplens-system-test-reports-");
        Sample sample = Sample.load(Path.of("..", "deploy", "sample"));
        result = new GapAnalysisScenario(Endpoints.of(stack), stack::token, sample, output, System.out::println)
                .run(Path.of("..", "deploy", "sample", "internal-controls.csv"),
                        Path.of("..", "deploy", "sample", "internal-control-mapping.csv"));
    }

    @Test
    void assessmentSummaryMatchesHandComputedFigures() {
        var overall = result.assessmentSummary().getOverall();

        assertEquals(123, overall.getAssessableCount());
        assertEquals(123, overall.getAnsweredCount());
        assertEquals(119, overall.getApplicableAssessedCount());
        assertEquals(67, overall.getCompliantCount());
        assertEquals(52, overall.getGapCount());
        assertEquals(0, new BigDecimal("56.30").compareTo(overall.getCompliancePercent()));
        assertEquals(Map.of("IMPLEMENTED", 69, "PARTIALLY_IMPLEMENTED", 31, "NOT_IMPLEMENTED", 19,
                "NOT_APPLICABLE", 4), withoutZeros(overall.getCountsByStatus()));
    }

    @Test
    void reportShowsComplianceOverallPerClauseAndPerTheme() {
        AssessmentSummary report = result.report();

        assertEquals(0, new BigDecimal("56.3").compareTo(report.getOverall().getPercent()));
        assertEquals(52, report.getGapCount());
        assertEquals(123, report.getProgress().getAnswered());
        assertEquals(123, report.getProgress().getAssessable());
        assertEquals(Map.of("4", "75.0", "5", "100.0", "6", "20.0", "7", "85.7", "8", "0.0", "9", "33.3", "10", "50.0"),
                percents(report.getClauses()));
        assertEquals(Map.of("A.5", "48.6", "A.6", "87.5", "A.7", "71.4", "A.8", "53.3"), percents(report.getThemes()));
    }

    /**
     * The scope's highest asset criticality is MEDIUM, so every gap has impact 3. Not implemented
     * answers (maturity 0 or 1) have likelihood 5: critical. Partial ones have likelihood 3 at
     * maturity 2 (medium) and 4 at maturity 1 (high, for 8.2, A.5.28 and A.8.7). Implemented answers
     * below the target (9.3.1 and A.7.7) have likelihood 2: medium. Critical and high go to phase 1;
     * medium to phase 2, except the monitoring and review requirements 9.1, 9.3.1, 10.1 and A.5.36,
     * which go to phase 3.
     */
    @Test
    void gapsAreRatedAndPhasedByTheDefaultRules() {
        Map<String, Integer> levels = new HashMap<>();
        result.report().getGapsByRiskLevel().forEach((level, count) -> levels.put(level.toLowerCase(), count));
        assertEquals(19, levels.get("critical"));
        assertEquals(3, levels.get("high"));
        assertEquals(30, levels.get("medium"));
        assertEquals(0, levels.getOrDefault("low", 0));

        Map<Integer, Long> phases = new HashMap<>();
        result.plan().getPhases().forEach(phase -> phases.put(phase.getPhase(), phase.getProgress().getTotal()));
        assertEquals(Map.of(1, 22L, 2, 26L, 3, 4L), phases);
    }

    @Test
    void everyGapIsRatedAndPlanned() {
        assertEquals(52, result.gaps().size());
        assertTrue(result.gaps().stream().allMatch(gap -> gap.getRiskLevel() != null), "every gap has a risk level");
        assertTrue(result.gaps().stream().allMatch(gap -> gap.getActionId() != null), "every gap has an action");
        int rated = result.report().getGapsByRiskLevel().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(52, rated);
        assertEquals(52L, result.plan().getTotalItems());
    }

    @Test
    void internalControlsLeaveSixtyOneAnnexAControlsUncovered() {
        assertEquals(93, result.coverage().getTargetRequirementCount());
        assertEquals(32, result.coverage().getCoveredCount());
        assertEquals(61, result.coverage().getUncoveredCount());
    }

    @Test
    void reassessmentShowsTheImprovement() {
        var overall = result.reassessmentSummary().getOverall();
        assertEquals(78, overall.getCompliantCount());
        assertEquals(41, overall.getGapCount());

        var trend = result.trend();
        assertEquals(0, new BigDecimal("56.3").compareTo(trend.getBaselinePercent()));
        assertEquals(0, new BigDecimal("65.5").compareTo(trend.getCurrentPercent()));
        assertEquals(15, trend.getChanges().get("IMPROVED"));
        assertEquals(1, trend.getChanges().get("WORSENED"));
        assertEquals(107, trend.getChanges().get("UNCHANGED"));
        Map<String, String> themes = trend.getThemes().stream()
                .collect(Collectors.toMap(GroupTrend::getGroup, theme -> theme.getCurrentPercent().toPlainString()));
        assertEquals(Map.of("A.5", "62.2", "A.6", "87.5", "A.7", "71.4", "A.8", "63.3"), themes);
    }

    @Test
    void reportFilesAreWritten() throws Exception {
        for (String name : List.of("assessment-report.pdf", "assessment-report.html", "assessment-soa.csv",
                "assessment-soa.xlsx", "assessment-oscal-assessment-results.json", "assessment-oscal-poam.json")) {
            Path file = result.files().get(name);
            assertNotNull(file, name + " is listed");
            assertTrue(Files.size(file) > 0, name + " is not empty");
        }
        byte[] pdf = Files.readAllBytes(result.files().get("assessment-report.pdf"));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        JsonNode results = JSON.readTree(result.files().get("assessment-oscal-assessment-results.json").toFile());
        assertTrue(results.has("assessment-results"), "OSCAL assessment results");
    }

    @Test
    void assessmentEventsAreOrderedEnvelopedAndUnique() throws Exception {
        String key = result.assessmentId().toString();
        List<ConsumerRecord<String, String>> records = Topics.readUntil(stack.bootstrapServers(),
                "gaplens.assessment.events", record -> key.equals(record.key()),
                found -> found.stream().filter(record -> type(record).endsWith("AssessmentCompleted.v1")).count() == 1,
                Duration.ofSeconds(60));

        Map<String, Integer> counts = countByType(records);
        assertEquals(1, counts.get("AssessmentStarted"));
        assertEquals(123 + result.completedActions().size(), counts.get("AnswerRecorded"),
                "one per imported answer, and one per completed remediation action that marks its answer remediated");
        assertEquals(52, counts.get("GapIdentified"));
        assertEquals(1, counts.get("AssessmentCompleted"));
        assertEquals("io.gaplens.assessment.AssessmentStarted.v1", type(records.get(0)), "the first event starts the assessment");
        assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count(), "one partition per assessment");
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i).offset() > records.get(i - 1).offset(), "offsets increase");
        }
        assertEnvelopes(records, "/gaplens/assessment-service");
    }

    @Test
    void riskAndRemediationEventsAreEnvelopedAndUnique() throws Exception {
        String key = result.assessmentId().toString();
        List<ConsumerRecord<String, String>> risks = Topics.readUntil(stack.bootstrapServers(), "gaplens.risk.events",
                record -> key.equals(record.key()), found -> found.size() >= 52, Duration.ofSeconds(60));
        List<ConsumerRecord<String, String>> remediation = Topics.readUntil(stack.bootstrapServers(),
                "gaplens.remediation.events", record -> key.equals(record.key()),
                found -> countByType(found).getOrDefault("RemediationCompleted", 0) >= result.completedActions().size(),
                Duration.ofSeconds(60));

        Set<String> ratedRequirements = new HashSet<>();
        for (ConsumerRecord<String, String> record : risks) {
            ratedRequirements.add(JSON.readTree(record.value()).path("requirementRef").asText());
        }
        assertEquals(52, ratedRequirements.size());
        assertEquals(result.completedActions().size(), countByType(remediation).get("RemediationCompleted"));
        assertEnvelopes(risks, "/gaplens/risk-service");
        assertEnvelopes(remediation, "/gaplens/remediation-service");
    }

    @Test
    void anotherTenantSeesNothing() {
        String stranger = stack.token("another-company", "admin", "auditor");
        var assessments = new AssessmentsApi(Clients.assessment(stack.url("assessment-service"), stranger));
        var reports = new ReportsApi(Clients.reporting(stack.url("reporting-service"), stranger));
        var plans = new RemediationPlansApi(Clients.remediation(stack.url("remediation-service"), stranger));
        var risks = new RiskRegisterApi(Clients.risk(stack.url("risk-service"), stranger));

        assertEquals(404, assertThrows(io.gaplens.client.assessment.ApiException.class,
                () -> assessments.assessmentResourceSummary(result.assessmentId())).getCode());
        assertEquals(404, assertThrows(io.gaplens.client.reporting.ApiException.class,
                () -> reports.reportResourceSummary(result.assessmentId().toString())).getCode());
        assertEquals(404, assertThrows(io.gaplens.client.remediation.ApiException.class,
                () -> plans.planResourceAssessmentPlan(result.assessmentId(), null, null, null, null, null, null)).getCode());
        assertEquals(0L, assertDoesNotFail(() -> risks.riskResourceList(result.assessmentId().toString(), null, null,
                null, null, null).getTotalItems()));
    }

    @Test
    void auditorReadsEverythingAndChangesNothing() throws Exception {
        String auditor = stack.token(TENANT, "auditor");
        var assessments = new AssessmentsApi(Clients.assessment(stack.url("assessment-service"), auditor));
        var answers = new AnswersApi(Clients.assessment(stack.url("assessment-service"), auditor));
        var reports = new ReportsApi(Clients.reporting(stack.url("reporting-service"), auditor));
        var risks = new RiskRegisterApi(Clients.risk(stack.url("risk-service"), auditor));

        assertEquals(123, assessments.assessmentResourceSummary(result.reassessmentId()).getOverall().getAssessableCount());
        assertEquals(52, reports.reportResourceGaps(result.assessmentId().toString(), null, null, "0", "500", null)
                .getItems().size());
        assertEquals(52L, risks.riskResourceList(result.assessmentId().toString(), null, "0", null, "500", null)
                .getTotalItems());
        assertTrue(answers.answerResourceHistory(result.reassessmentId(), "A.8.1").size() >= 1);

        var refused = assertThrows(io.gaplens.client.assessment.ApiException.class,
                () -> answers.answerResourceRecord(result.reassessmentId(), "A.8.1",
                        new AnswerRequest().status(ImplementationStatus.IMPLEMENTED).maturity(4), "*"));
        assertEquals(403, refused.getCode());
        assertEquals(78, assessments.assessmentResourceSummary(result.reassessmentId()).getOverall().getCompliantCount(),
                "the refused change left the figures as they were");
    }

    private void assertEnvelopes(List<ConsumerRecord<String, String>> records, String source) throws Exception {
        Set<String> ids = new HashSet<>();
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("1.0", Topics.header(record, "ce_specversion"));
            assertEquals(source, Topics.header(record, "ce_source"));
            assertEquals(TENANT, Topics.header(record, "ce_tenantid"));
            assertEquals("application/json", Topics.header(record, "content-type"));
            assertTrue(ids.add(Topics.header(record, "ce_id")), "event " + Topics.header(record, "ce_id") + " was produced twice");
            String name = eventName(record);
            JsonSchema schema = schemas.computeIfAbsent(name, GapAnalysisSystemTest::schema);
            assertEquals(Set.of(), schema.validate(JSON.readTree(record.value())), name + " " + Topics.header(record, "ce_id"));
        }
    }

    private static JsonSchema schema(String eventName) {
        try {
            return StackTest.schema(eventName);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> countByType(List<ConsumerRecord<String, String>> records) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        records.forEach(record -> counts.merge(eventName(record), 1, Integer::sum));
        return counts;
    }

    private static String type(ConsumerRecord<String, String> record) {
        return Topics.header(record, "ce_type");
    }

    /** Returns the event name of a type such as io.gaplens.assessment.GapIdentified.v1. */
    private static String eventName(ConsumerRecord<String, String> record) {
        String[] parts = type(record).split("\\.");
        return parts[parts.length - 2];
    }

    private static Map<String, String> percents(List<GroupCompliance> groups) {
        Map<String, String> percents = new HashMap<>();
        for (GroupCompliance group : groups) {
            percents.put(group.getGroup(), group.getCompliance().getPercent().toPlainString());
        }
        return percents;
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new HashMap<>();
        counts.forEach((status, count) -> {
            if (count != 0) {
                nonZero.put(status, count);
            }
        });
        return nonZero;
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T assertDoesNotFail(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError("the call failed: " + e.getMessage(), e);
        }
    }
}
