package io.gaplens.system;

import io.gaplens.client.assessment.model.Criticality;
import io.gaplens.client.remediation.api.RemediationActionsApi;
import io.gaplens.client.remediation.model.ActionView;
import io.gaplens.client.reporting.api.ReportsApi;
import io.gaplens.client.reporting.model.AssessmentSummary;
import io.gaplens.client.reporting.model.GapView;
import io.gaplens.client.risk.api.RiskRegisterApi;
import io.gaplens.client.risk.model.AuditEntryView;
import io.gaplens.client.risk.model.RiskView;
import io.gaplens.infra.LocalPostgres;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import io.gaplens.scenario.RawHttp;
import io.gaplens.scenario.Sample;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer service killed with SIGKILL in the middle of a stream of events loses none of them and
 * applies none twice. After its restart it reads again from the last committed offsets, which lie
 * behind events it had already applied, and its inbox drops those.
 *
 * <p>The stream is the bulk CSV import of the sample organisation's 123 answers, which reveals 52
 * gaps: 176 assessment events (AssessmentStarted, 123 AnswerRecorded, 52 GapIdentified), then 52
 * RiskAssessed and one RemediationPlanned per action. The test kills risk-service while it rates
 * the gaps, and remediation-service while it plans the actions.
 */
@ExtendWith(StackExtension.class)
class ConsumerCrashTest {

    private static final int ANSWERS = 123;
    private static final int GAPS = 52;
    private static final int ASSESSMENT_EVENTS = 1 + ANSWERS + GAPS;
    /**
     * Upper bound for the restarted consumer to get its partitions and catch up. The services set no
     * session timeout, so they use the default of kafka-clients 4.1, 45 s, and the group rebalances
     * only after the killed member's session has expired. Measured on a 2-core machine, the
     * restarted consumer applied its next event about 46 s after the kill.
     */
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration KILL_WINDOW_TIMEOUT = Duration.ofMinutes(2);

    private final GapLensStack stack;

    ConsumerCrashTest(GapLensStack stack) {
        this.stack = stack;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"risk-service", "remediation-service"})
    void killedConsumerLosesAndRepeatsNothing(String service) throws Exception {
        String tenant = "consumer-crash-" + service.replace("-service", "");
        String consultant = stack.token(tenant, "admin", "assessor");
        String viewer = stack.token(tenant, "viewer", "auditor");
        RiskRegisterApi risks = new RiskRegisterApi(Clients.risk(stack.url("risk-service"), viewer));
        RemediationActionsApi actions = new RemediationActionsApi(Clients.remediation(stack.url("remediation-service"), viewer));
        ReportsApi reports = new ReportsApi(Clients.reporting(stack.url("reporting-service"), viewer));

        UUID assessmentId = Pipeline.startAssessment(stack, consultant, 
                "Gap analysis with a crashing consumer", Criticality.MEDIUM);
        String key = assessmentId.toString();
        Sample sample = Sample.load(Path.of("..", "deploy", "sample"));
        RawHttp.postCsv(stack.url("assessment-service") + "/api/v1/assessments/" + key + "/answers/import",
                consultant, sample.answersCsv());

        // Kill the service while it is half way through: some of its effects exist, not all.
        Counter effects = service.equals("risk-service")
                ? () -> risks.riskResourceList(key, null, "0", null, "1", null).getTotalItems()
                : () -> actions.remediationActionResourceListActions(key, null, null, "0", null, "1", null).getTotalItems();
        long effectsBeforeKill = awaitPartialProgress(service, effects);
        String stream = service.equals("risk-service") ? "gaplens.assessment.events" : "gaplens.risk.events";
        try {
            stack.kill(service);

            // The dead service's inbox and committed offset cannot change now. Every event behind the
            // committed offset must have been applied, because the restart skips those. Applied events
            // beyond it are delivered again, and the inbox must drop them.
            List<ConsumerRecord<String, String>> streamSoFar = Topics.readUntil(stack.bootstrapServers(), stream,
                    record -> key.equals(record.key()), found -> false, Duration.ofSeconds(3));
            // Records keyed by one assessment share one partition.
            long committedOffset = committedOffset(service, stream, streamSoFar.get(0).partition());
            long committed = streamSoFar.stream().filter(record -> record.offset() < committedOffset).count();
            long applied = inboxCount(service, streamSoFar);
            System.out.printf("ConsumerCrashTest: killed %s after %d of %d effects; of the %d records of %s so far,"
                            + " %d were applied and %d lie behind the committed offset, so the restart delivers at least %d applied events again%n",
                    service, effectsBeforeKill, GAPS, streamSoFar.size(), stream, applied, committed,
                    applied - committed);
            assertTrue(applied >= committed, service + " committed offsets of events it had not applied");
        } finally {
            stack.startService(service);
            stack.awaitReady(service);
        }

        Instant restarted = Instant.now();
        Pipeline.await("all " + GAPS + " gaps to be rated, planned and reported", RECOVERY_TIMEOUT,
                () -> riskList(risks, key).size() == GAPS
                        && actionList(actions, key).size() == GAPS
                        && gapList(reports, key).stream()
                        .filter(gap -> gap.getRiskLevel() != null && gap.getActionId() != null).count() == GAPS,
                () -> "risks " + riskList(risks, key).size() + ", actions " + actionList(actions, key).size());
        System.out.printf("ConsumerCrashTest: the pipeline settled %d s after %s was ready again%n",
                Duration.between(restarted, Instant.now()).toSeconds(), service);

        // Every event is on its topic once by ce_id. A relay killed after the broker acknowledged a
        // row but before it marked the row sent publishes it again, so copies are counted, not forbidden.
        List<ConsumerRecord<String, String>> assessmentEvents = read("gaplens.assessment.events", key, ASSESSMENT_EVENTS);
        List<ConsumerRecord<String, String>> riskEvents = read("gaplens.risk.events", key, GAPS);
        List<ConsumerRecord<String, String>> remediationEvents = read("gaplens.remediation.events", key, GAPS);
        System.out.printf("ConsumerCrashTest: copies by ce_id after killing %s: assessment %d, risk %d, remediation %d%n",
                service, Pipeline.duplicates(assessmentEvents), Pipeline.duplicates(riskEvents),
                Pipeline.duplicates(remediationEvents));
        assertEquals(Map.of("AssessmentStarted", 1, "AnswerRecorded", ANSWERS, "GapIdentified", GAPS),
                Pipeline.distinctEventsByName(assessmentEvents));
        assertEquals(Map.of("RiskAssessed", GAPS), Pipeline.distinctEventsByName(riskEvents),
                "one rating per gap, so no GapIdentified was applied twice");
        assertEquals(Map.of("RemediationPlanned", GAPS), Pipeline.distinctEventsByName(remediationEvents),
                "one plan per action, so no rating was applied twice");

        // risk-service: one risk per gap, each created once and never updated by a repeated event.
        List<RiskView> register = riskList(risks, key);
        assertEquals(GAPS, register.stream().map(RiskView::getRequirementRef).distinct().count(), "one risk per gap");
        for (RiskView risk : register) {
            List<String> trail = risks.riskResourceAuditTrail(risk.getId().toString(), "0", "100").getItems().stream()
                    .map(AuditEntryView::getAction).toList();
            assertEquals(List.of("CREATED"), trail, "audit trail of the risk of " + risk.getRequirementRef());
        }

        // remediation-service: one action per gap.
        List<ActionView> plan = actionList(actions, key);
        Set<String> planned = new HashSet<>();
        for (ActionView action : plan) {
            assertEquals(1, action.getRequirementRefs().size(), "action " + action.getId() + " covers one gap");
            assertTrue(planned.add(action.getRequirementRefs().get(0)),
                    "a second action for " + action.getRequirementRefs().get(0));
        }
        assertEquals(GAPS, planned.size());

        // Each consumer's inbox lists every event of its topics once: none lost, none applied twice.
        assertInbox("risk-service", assessmentEvents);
        assertInbox("remediation-service", assessmentEvents);
        assertInbox("remediation-service", riskEvents);

        // reporting-service: the sample's figures, and each distinct event applied once.
        AssessmentSummary summary = reports.reportResourceSummary(key);
        assertEquals(GAPS, summary.getGapCount());
        assertEquals(ANSWERS, summary.getProgress().getAnswered());
        assertEquals(Map.of("IMPLEMENTED", 69, "PARTIALLY_IMPLEMENTED", 31, "NOT_IMPLEMENTED", 19, "NOT_APPLICABLE", 4),
                summary.getCountsByStatus().entrySet().stream().filter(entry -> entry.getValue() != 0)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        long distinctEvents = ASSESSMENT_EVENTS + 2L * GAPS;
        assertEquals(distinctEvents, summary.getAsOf().getEventCount(), "reporting-service applied each event once");
        assertEquals(GAPS, gapList(reports, key).size());
    }

    /** Reads a count of effects of the service under test, such as the risks of the assessment. */
    private interface Counter {
        long count() throws Exception;
    }

    /**
     * Polls until some but not all effects exist, and returns their number at that moment.
     *
     * <p>NOTE: the window is as long as the service takes for the 52 gaps, about 6 s for either
     * service on a 2-core machine running the whole stack. A much faster machine could finish
     * between two polls, and then the test fails with a message that reports it instead of passing.
     */
    private static long awaitPartialProgress(String service, Counter effects) throws Exception {
        Instant deadline = Instant.now().plus(KILL_WINDOW_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            long count = effects.count();
            if (count >= GAPS) {
                throw new AssertionError(service + " applied all " + GAPS + " gaps before the test could kill it;"
                        + " the stream is too short for this machine");
            }
            if (count > 0) {
                return count;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(service + " applied no gap within " + KILL_WINDOW_TIMEOUT.toSeconds() + " s");
    }

    private List<ConsumerRecord<String, String>> read(String topic, String key, int distinctEvents) {
        return Topics.readUntil(stack.bootstrapServers(), topic, record -> key.equals(record.key()),
                found -> found.stream().map(record -> Topics.header(record, "ce_id")).distinct().count() >= distinctEvents,
                Duration.ofSeconds(30));
    }

    /** Asserts that {@code service}'s processed-event table has exactly one row for each distinct event. */
    private void assertInbox(String service, List<ConsumerRecord<String, String>> events) throws Exception {
        long distinct = events.stream().map(record -> Topics.header(record, "ce_id")).distinct().count();
        assertEquals(distinct, inboxCount(service, events), service + " recorded each of the " + distinct + " events once");
    }

    /** Counts the rows of {@code service}'s processed-event table for the events of {@code records}. */
    private long inboxCount(String service, List<ConsumerRecord<String, String>> records) throws Exception {
        Set<String> ids = records.stream().map(record -> Topics.header(record, "ce_id")).collect(Collectors.toSet());
        String url = stack.postgres().jdbcUrl(GapLensStack.database(service));
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from gaplens_processed_event where consumer = ? and event_id = any (?)")) {
            query.setString(1, service);
            query.setArray(2, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Returns the offset that {@code service}'s consumer group committed for a partition, or 0 before its first commit. */
    private long committedOffset(String service, String topic, int partition) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(service)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, partition));
            return committed == null ? 0 : committed.offset();
        } catch (Exception e) {
            throw new AssertionError("Reading the committed offsets of group " + service + " failed", e);
        }
    }

    private static List<RiskView> riskList(RiskRegisterApi risks, String key) throws Exception {
        return risks.riskResourceList(key, null, "0", null, "500", null).getItems();
    }

    private static List<ActionView> actionList(RemediationActionsApi actions, String key) throws Exception {
        return actions.remediationActionResourceListActions(key, null, null, "0", null, "500", null).getItems();
    }

    private static List<GapView> gapList(ReportsApi reports, String key) throws Exception {
        List<GapView> gaps = reports.reportResourceGaps(key, null, null, "0", "500", null).getItems();
        return gaps == null ? List.of() : gaps;
    }
}
