package io.gaplens.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.client.assessment.api.AnswersApi;
import io.gaplens.client.assessment.api.AssessmentsApi;
import io.gaplens.client.assessment.api.FieldworkApi;
import io.gaplens.client.assessment.model.AssessmentRequest;
import io.gaplens.client.assessment.model.AssessmentView;
import io.gaplens.client.assessment.model.Asset;
import io.gaplens.client.assessment.model.Criticality;
import io.gaplens.client.assessment.model.DocumentReviewRequest;
import io.gaplens.client.assessment.model.Exclusion;
import io.gaplens.client.assessment.model.InterviewRequest;
import io.gaplens.client.assessment.model.ReassessmentRequest;
import io.gaplens.client.assessment.model.Scope;
import io.gaplens.client.assessment.model.SummaryView;
import io.gaplens.client.catalog.api.CataloguesApi;
import io.gaplens.client.catalog.model.CoverageView;
import io.gaplens.client.catalog.model.VersionDetail;
import io.gaplens.client.remediation.api.RemediationActionsApi;
import io.gaplens.client.remediation.api.RemediationPlansApi;
import io.gaplens.client.remediation.model.ActionStatus;
import io.gaplens.client.remediation.model.ActionView;
import io.gaplens.client.remediation.model.PlanView;
import io.gaplens.client.remediation.model.StatusChangeRequest;
import io.gaplens.client.remediation.model.UpdateActionRequest;
import io.gaplens.client.reporting.api.ReportsApi;
import io.gaplens.client.reporting.model.AssessmentSummary;
import io.gaplens.client.reporting.model.GapList;
import io.gaplens.client.reporting.model.GapView;
import io.gaplens.client.reporting.model.Trend;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A complete ISO/IEC 27001:2022 gap analysis of the sample organisation, through the same REST APIs
 * and Kafka events that integrators use: scope, bulk CSV answers, interviews and document reviews;
 * then risk ratings, the phased remediation plan and the reports, which follow from the events.
 * A second part completes remediation actions, re-assesses from the first assessment as baseline
 * and reads the trend.
 */
public final class GapAnalysisScenario {

    /** Issues bearer tokens; the local stack signs them with its own key. */
    public interface Tokens {
        String token(String tenant, String... roles);
    }

    /** The outcome of a run: the figures a consultant reads and the system tests assert, and the report files. */
    public record Result(UUID assessmentId, SummaryView assessmentSummary, AssessmentSummary report,
                         List<GapView> gaps, PlanView plan, Map<String, Path> files, CoverageView coverage,
                         UUID reassessmentId, SummaryView reassessmentSummary, Trend trend, List<String> completedActions) {
    }

    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> EXPORTS = List.of(
            "report.html", "report.pdf", "soa.csv", "soa.xlsx", "gaps.csv", "gaps.xlsx",
            "oscal-assessment-results.json", "oscal-poam.json");

    private final Endpoints endpoints;
    private final Tokens tokens;
    private final Sample sample;
    private final Path output;
    private final Consumer<String> progress;

    public GapAnalysisScenario(Endpoints endpoints, Tokens tokens, Sample sample, Path output, Consumer<String> progress) {
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.sample = sample;
        this.output = output;
        this.progress = progress;
    }

    /** Runs both parts; {@code controls} and {@code mapping} are optional CSV files of an internal control set. */
    public Result run(Path controls, Path mapping) throws Exception {
        String tenant = sample.tenant();
        String consultant = tokens.token(tenant, "admin", "assessor");

        CoverageView coverage = null;
        checkCatalogue(consultant);
        if (controls != null && mapping != null) {
            coverage = importInternalControls(tokens.token(tenant, "admin"), controls, mapping);
        }

        UUID assessmentId = createAndStartAssessment(consultant);
        importAnswers(consultant, assessmentId, sample.answersCsv(), "answers.csv");
        recordFieldwork(consultant, assessmentId);

        SummaryView summary = new AssessmentsApi(Clients.assessment(endpoints.assessment(), consultant))
                .assessmentResourceSummary(assessmentId);
        int gapCount = summary.getOverall().getGapCount();
        progress.accept("assessment-service found " + gapCount + " gaps; waiting for risk ratings, the remediation plan and the reports");
        String viewer = tokens.token(tenant, "viewer");
        awaitPipeline(viewer, assessmentId, gapCount);

        String owner = tokens.token(tenant, "remediation-owner");
        assignPhaseOneOwners(owner, assessmentId);
        awaitOwnersInReport(viewer, assessmentId);

        AssessmentSummary report = reports(viewer).reportResourceSummary(assessmentId.toString());
        List<GapView> gaps = gapList(viewer, assessmentId);
        PlanView plan = new RemediationPlansApi(Clients.remediation(endpoints.remediation(), viewer))
                .planResourceAssessmentPlan(assessmentId, null, null, "0", null, "500", null);
        Map<String, Path> files = writeExports(viewer, assessmentId, "assessment");

        List<String> completed = completeActions(owner, assessmentId, sample.completedBeforeReassessment());
        awaitRemediatedAnswers(consultant, assessmentId, completed);
        UUID reassessmentId = reassess(consultant, assessmentId);
        importAnswers(consultant, reassessmentId, sample.reassessmentAnswersCsv(), "reassessment-answers.csv");
        SummaryView reassessmentSummary = new AssessmentsApi(Clients.assessment(endpoints.assessment(), consultant))
                .assessmentResourceSummary(reassessmentId);
        Trend trend = awaitTrend(viewer, reassessmentId, reassessmentSummary);
        files.putAll(writeExports(viewer, reassessmentId, "reassessment"));

        return new Result(assessmentId, summary, report, gaps, plan, files, coverage, reassessmentId,
                reassessmentSummary, trend, completed);
    }

    private void checkCatalogue(String token) throws Exception {
        VersionDetail edition = new CataloguesApi(Clients.catalog(endpoints.catalog(), token))
                .getCatalogVersion("iso-iec-27001", "2022");
        progress.accept("catalogue ISO/IEC 27001:2022 is " + edition.getStatus().toLowerCase() + ": "
                + edition.getAssessableCount() + " assessable requirements ("
                + edition.getCountsByKind().getOrDefault("CONTROL", 0L) + " Annex A controls)");
    }

    private CoverageView importInternalControls(String adminToken, Path controls, Path mapping) throws Exception {
        String catalogId = sample.tenant() + "-controls";
        String version = "run-" + Instant.now().getEpochSecond();
        progress.accept("importing the internal control set " + controls + " as catalogue " + catalogId + " " + version);
        String url = endpoints.catalog() + "/api/v1/catalogs?format=internal-controls&catalogId=" + encode(catalogId)
                + "&version=" + encode(version) + "&title=" + encode(sample.name() + " internal controls");
        RawHttp.postCsv(url, adminToken, Files.readAllBytes(controls));

        CataloguesApi catalogues = new CataloguesApi(Clients.catalog(endpoints.catalog(), adminToken));
        catalogues.publishCatalogVersion(catalogId, version);
        progress.accept("importing its mapping to the standards from " + mapping);
        catalogues.importMapping(catalogId, version, Files.readString(mapping, StandardCharsets.UTF_8));
        return catalogues.getCoverage(catalogId, version, "true", null, "iso-iec-27001:2022");
    }

    private UUID createAndStartAssessment(String token) throws Exception {
        JsonNode profile = sample.assessment();
        JsonNode scopeNode = profile.path("scope");
        Scope scope = new Scope()
                .businessUnits(texts(scopeNode.path("businessUnits")))
                .processes(texts(scopeNode.path("processes")))
                .locations(texts(scopeNode.path("locations")));
        for (JsonNode asset : scopeNode.path("assets")) {
            scope.addAssetsItem(new Asset().name(asset.path("name").asText())
                    .criticality(Criticality.fromValue(asset.path("criticality").asText())));
        }
        for (JsonNode exclusion : scopeNode.path("exclusions")) {
            scope.addExclusionsItem(new Exclusion().item(exclusion.path("item").asText())
                    .justification(exclusion.path("justification").asText()));
        }

        AssessmentsApi assessments = new AssessmentsApi(Clients.assessment(endpoints.assessment(), token));
        AssessmentView created = assessments.assessmentResourceCreate(new AssessmentRequest()
                .name(profile.path("name").asText())
                .catalogId(profile.path("catalogId").asText())
                .catalogVersion(profile.path("catalogVersion").asText())
                .targetMaturity(profile.path("targetMaturity").asInt())
                .startDate(LocalDate.parse(profile.path("startDate").asText()))
                .dueDate(LocalDate.parse(profile.path("endDate").asText()))
                .scope(scope));
        progress.accept("created assessment " + created.getId() + " for " + sample.name() + ": "
                + created.getAssessableCount() + " requirements pinned from " + created.getCatalogTitle());
        assessments.assessmentResourceStart(created.getId());
        progress.accept("assessment started; AssessmentStarted sent");
        return created.getId();
    }

    private void importAnswers(String token, UUID assessmentId, byte[] csv, String name) throws Exception {
        String url = endpoints.assessment() + "/api/v1/assessments/" + assessmentId + "/answers/import";
        JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RawHttp.postCsv(url, token, csv));
        progress.accept("imported " + name + " through the bulk CSV endpoint: " + result.path("rows").asInt()
                + " rows, " + result.path("changed").asInt() + " answers changed");
    }

    private void recordFieldwork(String token, UUID assessmentId) throws Exception {
        FieldworkApi fieldwork = new FieldworkApi(Clients.assessment(endpoints.assessment(), token));
        int interviews = 0;
        for (JsonNode interview : sample.interviews()) {
            fieldwork.fieldworkResourceRecordInterview(assessmentId, new InterviewRequest()
                    .intervieweeRole(interview.path("intervieweeRole").asText())
                    .heldOn(LocalDate.parse(interview.path("date").asText()))
                    .topics(texts(interview.path("topics")))
                    .requirementRefs(texts(interview.path("requirements"))));
            interviews++;
        }
        int reviews = 0;
        for (JsonNode review : sample.documentReviews()) {
            fieldwork.fieldworkResourceRecordDocumentReview(assessmentId, new DocumentReviewRequest()
                    .document(review.path("document").asText())
                    .version(review.path("version").asText())
                    .reviewedOn(LocalDate.parse(review.path("dateReviewed").asText()))
                    .requirementRefs(texts(review.path("requirements"))));
            reviews++;
        }
        progress.accept("recorded " + interviews + " interviews and " + reviews + " document reviews");
    }

    /** Waits until every gap has a risk level and a remediation action in the reports. */
    private void awaitPipeline(String token, UUID assessmentId, int gapCount) throws Exception {
        ReportsApi reports = reports(token);
        String[] lastLine = {""};
        await("the reports to show " + gapCount + " rated and planned gaps", () -> {
            AssessmentSummary summary = reports.reportResourceSummary(assessmentId.toString());
            List<GapView> gaps = gapList(token, assessmentId);
            long rated = gaps.stream().filter(gap -> gap.getRiskLevel() != null).count();
            long planned = gaps.stream().filter(gap -> gap.getActionId() != null).count();
            long events = summary.getAsOf() == null || summary.getAsOf().getEventCount() == null ? 0
                    : summary.getAsOf().getEventCount();
            String line = "  reporting has processed " + events + " events: " + gaps.size() + " gaps, "
                    + rated + " rated, " + planned + " planned";
            if (!line.equals(lastLine[0])) {
                progress.accept(line);
                lastLine[0] = line;
            }
            return gaps.size() == gapCount && rated == gapCount && planned == gapCount;
        });
    }

    private void assignPhaseOneOwners(String token, UUID assessmentId) throws Exception {
        RemediationActionsApi actions = new RemediationActionsApi(Clients.remediation(endpoints.remediation(), token));
        List<ActionView> phaseOne = actions.remediationActionResourceListActions(assessmentId.toString(), null, null,
                "0", "1", "500", null).getItems();
        for (ActionView action : phaseOne) {
            var current = actions.remediationActionResourceGetActionWithHttpInfo(action.getId());
            actions.remediationActionResourceUpdateAction(action.getId(),
                    new UpdateActionRequest().owner(ownerFor(action.getRequirementRefs())), etag(current.getHeaders()));
        }
        progress.accept("assigned owners to the " + phaseOne.size() + " phase 1 actions");
    }

    private void awaitOwnersInReport(String token, UUID assessmentId) throws Exception {
        await("the reports to show the phase 1 owners", () -> gapList(token, assessmentId).stream()
                .filter(gap -> Integer.valueOf(1).equals(gap.getPhase()))
                .allMatch(gap -> gap.getOwner() != null));
    }

    /** Completes the open actions for {@code refs}: planned, in progress, then done. */
    private List<String> completeActions(String token, UUID assessmentId, List<String> refs) throws Exception {
        RemediationActionsApi actions = new RemediationActionsApi(Clients.remediation(endpoints.remediation(), token));
        List<ActionView> all = actions.remediationActionResourceListActions(assessmentId.toString(), null, null,
                "0", null, "500", null).getItems();
        List<String> completed = new ArrayList<>();
        for (String ref : refs) {
            ActionView action = all.stream().filter(candidate -> candidate.getRequirementRefs().contains(ref))
                    .findFirst()
                    .orElseThrow(() -> new ScenarioException("No remediation action covers " + ref));
            changeStatus(actions, action.getId(), ActionStatus.IN_PROGRESS);
            changeStatus(actions, action.getId(), ActionStatus.DONE);
            completed.add(ref);
        }
        progress.accept("completed " + completed.size() + " remediation actions; RemediationCompleted sent for each");
        return completed;
    }

    /**
     * Waits until assessment-service has marked the answers of the completed actions as remediated.
     * It applies RemediationCompleted only while the assessment is in progress, so completing the
     * assessment earlier would drop the marks that had not arrived yet.
     */
    private void awaitRemediatedAnswers(String token, UUID assessmentId, List<String> refs) throws Exception {
        AnswersApi answers = new AnswersApi(Clients.assessment(endpoints.assessment(), token));
        await("assessment-service to mark " + refs.size() + " answers remediated", () -> answers
                .answerResourceList(assessmentId, null, null, null).stream()
                .filter(answer -> refs.contains(answer.getRequirementRef()))
                .filter(answer -> Boolean.TRUE.equals(answer.getRemediated()))
                .count() == refs.size());
        progress.accept("assessment-service marked the " + refs.size() + " answers remediated, awaiting re-evaluation");
    }

    private void changeStatus(RemediationActionsApi actions, UUID id, ActionStatus status) throws Exception {
        var current = actions.remediationActionResourceGetActionWithHttpInfo(id);
        actions.remediationActionResourceChangeStatus(id, new StatusChangeRequest().status(status)
                .at(OffsetDateTime.now()), etag(current.getHeaders()));
    }

    private UUID reassess(String token, UUID baselineId) throws Exception {
        AssessmentsApi assessments = new AssessmentsApi(Clients.assessment(endpoints.assessment(), token));
        assessments.assessmentResourceComplete(baselineId);
        progress.accept("completed assessment " + baselineId + "; AssessmentCompleted sent");
        JsonNode profile = sample.reassessment();
        AssessmentView reassessment = assessments.assessmentResourceReassess(baselineId, new ReassessmentRequest()
                .name(profile.path("name").asText())
                .startDate(LocalDate.parse(profile.path("startDate").asText())));
        assessments.assessmentResourceStart(reassessment.getId());
        progress.accept("started re-assessment " + reassessment.getId() + " with the answers carried over for review");
        return reassessment.getId();
    }

    private Trend awaitTrend(String token, UUID reassessmentId, SummaryView expected) throws Exception {
        ReportsApi reports = reports(token);
        int gapCount = expected.getOverall().getGapCount();
        await("the reports to show the re-assessment's " + gapCount + " gaps", () -> {
            AssessmentSummary summary = reports.reportResourceSummary(reassessmentId.toString());
            return summary.getGapCount() != null && summary.getGapCount() == gapCount
                    && summary.getProgress().getAnswered().equals(expected.getOverall().getAnsweredCount());
        });
        return reports.reportResourceTrend(reassessmentId.toString());
    }

    private Map<String, Path> writeExports(String token, UUID assessmentId, String prefix) throws Exception {
        Files.createDirectories(output);
        Map<String, Path> files = new LinkedHashMap<>();
        for (String kind : EXPORTS) {
            byte[] body = RawHttp.download(endpoints.reporting() + "/api/v1/reports/assessments/" + assessmentId
                    + "/exports/" + kind, token);
            Path file = output.resolve(prefix + "-" + kind);
            Files.write(file, body);
            files.put(prefix + "-" + kind, file);
        }
        progress.accept("wrote " + files.size() + " report files for " + prefix + " " + assessmentId + " to " + output);
        return files;
    }

    private List<GapView> gapList(String token, UUID assessmentId) throws Exception {
        GapList list = reports(token).reportResourceGaps(assessmentId.toString(), null, null, "0", "500", null);
        return list.getItems() == null ? List.of() : list.getItems();
    }

    private ReportsApi reports(String token) {
        return new ReportsApi(Clients.reporting(endpoints.reporting(), token));
    }

    private static String ownerFor(List<String> refs) {
        String ref = refs.isEmpty() ? "" : refs.get(0);
        if (ref.matches("A\\.5\\.(19|2[0-3])")) {
            return "Procurement lead";
        }
        if (ref.matches("A\\.5\\.2[4-8]|A\\.6\\.8")) {
            return "Service desk team lead";
        }
        if (ref.startsWith("A.8.") || ref.startsWith("A.7.")) {
            return "IT operations manager";
        }
        return "CISO";
    }

    private static String etag(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("etag") && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        throw new ScenarioException("The response carries no ETag");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A condition checked once a second until it holds, or a failure after {@link #PIPELINE_TIMEOUT}. */
    private interface Check {
        boolean holds() throws Exception;
    }

    private void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(PIPELINE_TIMEOUT);
        while (true) {
            if (check.holds()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ScenarioException("Timed out after " + PIPELINE_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(1000);
        }
    }
}
