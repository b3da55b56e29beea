package io.gaplens.system;

import io.gaplens.client.assessment.api.AnswersApi;
import io.gaplens.client.assessment.model.AnswerRequest;
import io.gaplens.client.assessment.model.Criticality;
import io.gaplens.client.assessment.model.ImplementationStatus;
import io.gaplens.client.remediation.api.RemediationPlansApi;
import io.gaplens.client.remediation.model.ActionStatus;
import io.gaplens.client.remediation.model.ActionView;
import io.gaplens.client.remediation.model.PhaseView;
import io.gaplens.client.reporting.api.ReportsApi;
import io.gaplens.client.reporting.model.AssessmentSummary;
import io.gaplens.client.reporting.model.GapView;
import io.gaplens.client.risk.api.RiskRegisterApi;
import io.gaplens.client.risk.model.AuditEntryView;
import io.gaplens.client.risk.model.RiskView;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the Kafka broker stopped for about a minute while an assessor keeps answering, no event is
 * lost and no effect appears twice. The answers commit to assessment-service's outbox, its relay
 * publishes them once the broker is back, and risk-service, remediation-service and
 * reporting-service each apply every event once: one risk and one action per gap, and report
 * figures equal to those computed from the answers.
 *
 * <p>The 40 answers take 34 Annex A controls: every third is not implemented, every third from the
 * second on is implemented at maturity 4 (compliant), and the others are partially implemented at
 * maturity 2. That gives 23 gaps and 11 compliant answers. Then 4 gaps close (implemented at the
 * target maturity 3), and 2 not-implemented gaps become partially implemented at maturity 1, which
 * sends a second GapIdentified for them. At the end 19 gaps are open and 15 answers are compliant.
 */
@ExtendWith(StackExtension.class)
class KafkaOutageTest {

    private static final String TENANT = "kafka-outage";
    private static final int TARGET_MATURITY = Pipeline.TARGET_MATURITY;
    private static final int ANSWERED_CONTROLS = 34;
    /**
     * About one minute of answers during the outage: 40 answers, one every 1.5 s.
     *
     * <p>NOTE: an outage longer than the producer's delivery timeout (120 s by default in
     * kafka-clients 4.1) makes the relay's first sends fail instead of arriving late. This test
     * does not cover that path.
     */
    private static final Duration ANSWER_INTERVAL = Duration.ofMillis(1500);
    /** Upper bound for the relays and consumers to catch up after the broker is back. */
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);

    private final GapLensStack stack;

    KafkaOutageTest(GapLensStack stack) {
        this.stack = stack;
    }

    /** One answer the assessor records: the requirement, its status and maturity. */
    private record Answer(String ref, ImplementationStatus status, Integer maturity) {

        boolean isGap() {
            return switch (status) {
                case NOT_IMPLEMENTED, PARTIALLY_IMPLEMENTED -> true;
                case IMPLEMENTED -> maturity != null && maturity < TARGET_MATURITY;
                default -> false;
            };
        }
    }

    @Test
    void brokerOutageKeepsEffectsExactlyOnce() throws Exception {
        String consultant = stack.token(TENANT, "admin", "assessor");
        String viewer = stack.token(TENANT, "viewer", "auditor");
        UUID assessmentId = Pipeline.startAssessment(stack, consultant, 
                "Gap analysis during a Kafka outage", Criticality.MEDIUM);
        ReportsApi reports = new ReportsApi(Clients.reporting(stack.url("reporting-service"), viewer));
        Pipeline.await("reporting-service to show the started assessment", SETTLE_TIMEOUT,
                () -> reportEventCount(reports, assessmentId) >= 1, () -> "no report yet");

        List<Answer> answers = answers();
        Map<String, Answer> latest = new LinkedHashMap<>();
        int expectedGapIdentified = 0;
        int expectedGapClosed = 0;
        Instant outageStarted = Instant.now();
        Duration outage;
        boolean brokerStopped = false;
        try {
            // Set first, so that the finally block restarts the broker even when stopping it failed half way.
            brokerStopped = true;
            stack.kafka().close();

            AnswersApi answersApi = new AnswersApi(Clients.assessment(stack.url("assessment-service"), consultant));
            for (Answer answer : answers) {
                record(answersApi, assessmentId, answer);
                Answer before = latest.put(answer.ref(), answer);
                if (answer.isGap()) {
                    expectedGapIdentified++;
                } else if (before != null && before.isGap()) {
                    expectedGapClosed++;
                }
                Thread.sleep(ANSWER_INTERVAL.toMillis());
            }
        } finally {
            // Other test classes share this stack, so the broker and every service must be up again
            // even when the outage part failed.
            outage = Duration.between(outageStarted, Instant.now());
            if (brokerStopped) {
                stack.kafka().start();
            }
            Pipeline.awaitAllReady(stack);
        }
        System.out.printf("KafkaOutageTest: broker stopped for %d s while %d answers were recorded%n",
                outage.toSeconds(), answers.size());

        Map<String, Answer> openGaps = latest.values().stream().filter(Answer::isGap)
                .collect(Collectors.toMap(Answer::ref, answer -> answer, (a, b) -> b, TreeMap::new));
        List<String> closedGaps = answers.stream().filter(Answer::isGap).map(Answer::ref).distinct()
                .filter(ref -> !openGaps.containsKey(ref)).sorted().toList();
        assertEquals(19, openGaps.size(), "the answers leave 19 open gaps, as counted by hand");
        assertEquals(4, closedGaps.size(), "the answers close 4 gaps, as counted by hand");

        RiskRegisterApi risks = new RiskRegisterApi(Clients.risk(stack.url("risk-service"), viewer));
        RemediationPlansApi plans = new RemediationPlansApi(Clients.remediation(stack.url("remediation-service"), viewer));
        int expectedAssessmentEvents = 1 + answers.size() + expectedGapIdentified + expectedGapClosed;
        int gapCount = openGaps.size() + closedGaps.size();
        Instant brokerBack = Instant.now();
        Pipeline.await("risks, actions and reports of all " + gapCount + " gaps", SETTLE_TIMEOUT,
                () -> riskList(risks, assessmentId).size() == gapCount
                        && closedRiskCount(risks, assessmentId) == closedGaps.size()
                        && cancelledActionCount(plans, assessmentId) == closedGaps.size()
                        && ratedAndPlannedGapCount(reports, assessmentId) == openGaps.size()
                        && reportEventCount(reports, assessmentId) >= expectedAssessmentEvents,
                () -> "risks " + riskList(risks, assessmentId).size() + ", actions "
                        + actions(plans, assessmentId).size() + ", report events "
                        + reportEventCount(reports, assessmentId));
        System.out.printf("KafkaOutageTest: the pipeline settled %d s after every service was ready again%n",
                Duration.between(brokerBack, Instant.now()).toSeconds());

        // Every expected event reached the topic. The relay stops waiting for an acknowledgement
        // after 30 s (gaplens.outbox.send-timeout) and sends the row again on a later poll, while the
        // Kafka producer still retries the first send and delivers it once the broker is back. So an
        // outage of a minute leaves copies with the same ce_id, which are counted and reported, and
        // the effects below prove that consumers drop them.
        String key = assessmentId.toString();
        List<ConsumerRecord<String, String>> assessmentEvents = readDistinct("gaplens.assessment.events", key,
                expectedAssessmentEvents);
        Map<String, Integer> eventCounts = Pipeline.distinctEventsByName(assessmentEvents);
        System.out.printf("KafkaOutageTest: gaplens.assessment.events has %d records of assessment %s, %d of them "
                + "copies of an earlier ce_id; distinct events %s%n", assessmentEvents.size(), key,
                Pipeline.duplicates(assessmentEvents), eventCounts);
        assertEquals(1, eventCounts.get("AssessmentStarted"));
        assertEquals(answers.size(), eventCounts.get("AnswerRecorded"), "one AnswerRecorded per answer");
        assertEquals(expectedGapIdentified, eventCounts.get("GapIdentified"), "one GapIdentified per gap answer");
        assertEquals(expectedGapClosed, eventCounts.get("GapClosed"), "one GapClosed per closed gap");

        List<ConsumerRecord<String, String>> riskEvents = readDistinct("gaplens.risk.events", key,
                expectedGapIdentified + expectedGapClosed);
        Map<String, Integer> riskEventCounts = Pipeline.distinctEventsByName(riskEvents);
        System.out.printf("KafkaOutageTest: gaplens.risk.events has %d records of assessment %s, %d of them copies;"
                + " distinct events %s%n", riskEvents.size(), key, Pipeline.duplicates(riskEvents), riskEventCounts);
        assertEquals(expectedGapIdentified + expectedGapClosed, riskEventCounts.get("RiskAssessed"),
                "one rating per GapIdentified and one closing rating per GapClosed");

        // risk-service: one risk per gap, open or closed by the latest answer, each created once.
        List<RiskView> register = riskList(risks, assessmentId);
        Map<String, List<RiskView>> risksByRef = register.stream()
                .collect(Collectors.groupingBy(RiskView::getRequirementRef, TreeMap::new, Collectors.toList()));
        assertEquals(openGaps.size() + closedGaps.size(), risksByRef.size());
        for (Map.Entry<String, List<RiskView>> entry : risksByRef.entrySet()) {
            assertEquals(1, entry.getValue().size(), "one risk for " + entry.getKey());
            RiskView risk = entry.getValue().get(0);
            assertEquals(openGaps.containsKey(entry.getKey()) ? "OPEN" : "CLOSED", risk.getStatus(), entry.getKey());
            List<String> trail = auditActions(risks, risk);
            assertEquals(1, trail.stream().filter("CREATED"::equals).count(),
                    "risk of " + entry.getKey() + " was created once: " + trail);
        }

        // remediation-service: one action per gap, cancelled where the gap closed.
        List<ActionView> plan = actions(plans, assessmentId);
        Map<String, List<ActionView>> actionsByRef = new TreeMap<>();
        for (ActionView action : plan) {
            for (String ref : action.getRequirementRefs()) {
                actionsByRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(action);
            }
        }
        assertEquals(openGaps.size() + closedGaps.size(), plan.size(), "one action per gap");
        assertEquals(risksByRef.keySet(), actionsByRef.keySet(), "the actions cover exactly the gaps");
        for (Map.Entry<String, List<ActionView>> entry : actionsByRef.entrySet()) {
            assertEquals(1, entry.getValue().size(), "one action for " + entry.getKey());
            ActionStatus status = entry.getValue().get(0).getStatus();
            if (closedGaps.contains(entry.getKey())) {
                assertEquals(ActionStatus.CANCELLED, status, "the action of closed gap " + entry.getKey());
            } else {
                assertNotEquals(ActionStatus.CANCELLED, status, "the action of open gap " + entry.getKey());
            }
        }

        // reporting-service: the figures of the answers, and every event applied exactly once.
        AssessmentSummary summary = reports.reportResourceSummary(key);
        assertEquals(openGaps.size(), summary.getGapCount());
        assertEquals(ANSWERED_CONTROLS, summary.getProgress().getAnswered());
        assertEquals(expectedStatusCounts(latest, summary.getProgress().getAssessable()),
                withoutZeros(summary.getCountsByStatus()));
        assertEquals(expectedAssessmentEvents + riskEventCounts.get("RiskAssessed") + remediationEventCount(key),
                reportEventCount(reports, assessmentId),
                "reporting-service applied each distinct event of the assessment once");
        List<GapView> gaps = gapList(reports, assessmentId);
        assertEquals(openGaps.keySet(), gaps.stream().map(GapView::getRequirementRef).collect(Collectors.toSet()));
        for (GapView gap : gaps) {
            Answer answer = openGaps.get(gap.getRequirementRef());
            assertEquals(answer.status().getValue(), gap.getStatus(), gap.getRequirementRef());
            assertNotNull(gap.getRiskLevel(), "gap " + gap.getRequirementRef() + " is rated");
            assertEquals(actionsByRef.get(gap.getRequirementRef()).get(0).getId(), gap.getActionId(),
                    "gap " + gap.getRequirementRef() + " shows its action");
        }
    }

    /**
     * Returns the 40 answers described in the class comment: 34 first answers, then 4 that close a
     * gap and 2 that change a gap.
     */
    private static List<Answer> answers() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < ANSWERED_CONTROLS; i++) {
            String ref = "A.5." + (i + 1);
            answers.add(switch (i % 3) {
                case 0 -> new Answer(ref, ImplementationStatus.NOT_IMPLEMENTED, 0);
                case 1 -> new Answer(ref, ImplementationStatus.IMPLEMENTED, 4);
                default -> new Answer(ref, ImplementationStatus.PARTIALLY_IMPLEMENTED, 2);
            });
        }
        for (String ref : List.of("A.5.1", "A.5.3", "A.5.4", "A.5.6")) {
            answers.add(new Answer(ref, ImplementationStatus.IMPLEMENTED, TARGET_MATURITY));
        }
        for (String ref : List.of("A.5.7", "A.5.10")) {
            answers.add(new Answer(ref, ImplementationStatus.PARTIALLY_IMPLEMENTED, 1));
        }
        return answers;
    }

    /** Records one answer as a client does: read the current ETag, then change with If-Match. */
    private static void record(AnswersApi answers, UUID assessmentId, Answer answer) throws Exception {
        String etag = Pipeline.etag(answers.answerResourceGetWithHttpInfo(assessmentId, answer.ref()).getHeaders());
        answers.answerResourceRecord(assessmentId, answer.ref(),
                new AnswerRequest().status(answer.status()).maturity(answer.maturity()), etag);
    }

    private static Map<String, Integer> expectedStatusCounts(Map<String, Answer> latest, int assessable) {
        Map<String, Integer> counts = new HashMap<>();
        latest.values().forEach(answer -> counts.merge(answer.status().getValue(), 1, Integer::sum));
        counts.put("NOT_ASSESSED", assessable - latest.size());
        return counts;
    }

    /**
     * Reads the records of the assessment on {@code topic} until {@code expected} distinct events
     * are in, or for at most 30 s. Copies of an event sit before the next event in the partition,
     * because the relay publishes a row only after the broker acknowledged the row before it.
     */
    private List<ConsumerRecord<String, String>> readDistinct(String topic, String key, int expected) {
        return Topics.readUntil(stack.bootstrapServers(), topic, record -> key.equals(record.key()),
                found -> found.stream().map(record -> Topics.header(record, "ce_id")).distinct().count() >= expected,
                Duration.ofSeconds(30));
    }

    private int remediationEventCount(String key) {
        List<ConsumerRecord<String, String>> records = Topics.readUntil(stack.bootstrapServers(),
                "gaplens.remediation.events", record -> key.equals(record.key()), found -> false, Duration.ofSeconds(3));
        return Pipeline.distinctEventsByName(records).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<RiskView> riskList(RiskRegisterApi risks, UUID assessmentId) throws Exception {
        return risks.riskResourceList(assessmentId.toString(), null, "0", null, "500", null).getItems();
    }

    private static long closedRiskCount(RiskRegisterApi risks, UUID assessmentId) throws Exception {
        return riskList(risks, assessmentId).stream().filter(risk -> "CLOSED".equals(risk.getStatus())).count();
    }

    private static long cancelledActionCount(RemediationPlansApi plans, UUID assessmentId) throws Exception {
        return actions(plans, assessmentId).stream().filter(action -> action.getStatus() == ActionStatus.CANCELLED)
                .count();
    }

    private static long ratedAndPlannedGapCount(ReportsApi reports, UUID assessmentId) throws Exception {
        return gapList(reports, assessmentId).stream()
                .filter(gap -> gap.getRiskLevel() != null && gap.getActionId() != null).count();
    }

    private static List<String> auditActions(RiskRegisterApi risks, RiskView risk) throws Exception {
        return risks.riskResourceAuditTrail(risk.getId().toString(), "0", "500").getItems().stream()
                .map(AuditEntryView::getAction).toList();
    }

    private static List<ActionView> actions(RemediationPlansApi plans, UUID assessmentId) throws Exception {
        List<ActionView> actions = new ArrayList<>();
        for (PhaseView phase : plans.planResourceAssessmentPlan(assessmentId, null, null, "0", null, "500", null)
                .getPhases()) {
            actions.addAll(phase.getActions());
        }
        return actions;
    }

    private static List<GapView> gapList(ReportsApi reports, UUID assessmentId) throws Exception {
        List<GapView> gaps = reports.reportResourceGaps(assessmentId.toString(), null, null, "0", "500", null).getItems();
        return gaps == null ? List.of() : gaps;
    }

    /** Returns the number of events reporting-service has applied for the assessment, or 0 before the first. */
    private static long reportEventCount(ReportsApi reports, UUID assessmentId) {
        try {
            AssessmentSummary summary = reports.reportResourceSummary(assessmentId.toString());
            return summary.getAsOf() == null || summary.getAsOf().getEventCount() == null ? 0
                    : summary.getAsOf().getEventCount();
        } catch (io.gaplens.client.reporting.ApiException notYetKnown) {
            if (notYetKnown.getCode() == 404) {
                return 0;
            }
            throw new AssertionError("Reading the report summary failed with " + notYetKnown.getCode(), notYetKnown);
        }
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
}
