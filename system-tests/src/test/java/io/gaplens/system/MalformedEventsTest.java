package io.gaplens.system;

import io.gaplens.client.assessment.api.AnswersApi;
import io.gaplens.client.assessment.model.AnswerRequest;
import io.gaplens.client.assessment.model.AnswerView;
import io.gaplens.client.assessment.model.Criticality;
import io.gaplens.client.assessment.model.ImplementationStatus;
import io.gaplens.client.remediation.api.RemediationActionsApi;
import io.gaplens.client.remediation.model.ActionStatus;
import io.gaplens.client.remediation.model.ActionView;
import io.gaplens.client.remediation.model.StatusChangeRequest;
import io.gaplens.client.reporting.api.ReportsApi;
import io.gaplens.client.reporting.model.GapView;
import io.gaplens.client.risk.api.RiskRegisterApi;
import io.gaplens.client.risk.model.RiskView;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import io.gaplens.infra.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed records on the three event topics that services consume go to each consumer's
 * dead-letter topic with a {@code dead-letter-reason} header, and every consumer goes on to apply
 * the valid events that follow them in the same partition.
 *
 * <p>Four malformed records go to each topic, keyed by the test's assessment so that they share
 * the partition of its real events: a payload that is not JSON, an unknown event type, a payload
 * that violates the schema of its known type, and a record without CloudEvents headers. Then an
 * assessor records a gap and the remediation owner completes its action, which sends
 * GapIdentified, RiskAssessed, RemediationPlanned and RemediationCompleted behind them.
 */
@ExtendWith(StackExtension.class)
class MalformedEventsTest {

    private static final String TENANT = "malformed-events";
    private static final String REF = "A.8.7";
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(2);

    /** The consuming services of each topic, from their application.properties. */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "gaplens.assessment.events", List.of("risk-service", "remediation-service", "reporting-service"),
            "gaplens.risk.events", List.of("remediation-service", "reporting-service"),
            "gaplens.remediation.events", List.of("assessment-service", "reporting-service"));

    /** A known event type of each topic, for the records whose only fault is their payload. */
    private static final Map<String, String> KNOWN_TYPES = Map.of(
            "gaplens.assessment.events", "io.gaplens.assessment.GapIdentified.v1",
            "gaplens.risk.events", "io.gaplens.risk.RiskAssessed.v1",
            "gaplens.remediation.events", "io.gaplens.remediation.RemediationCompleted.v1");

    private final GapLensStack stack;

    MalformedEventsTest(GapLensStack stack) {
        this.stack = stack;
    }

    /** A malformed record as published: its kind, a phrase the dead-letter reason must contain, and where it went. */
    private record Published(String kind, String expectedReason, String topic, int partition, long offset) {
    }

    @Test
    void malformedRecordsAreDeadLetteredAndSkipped() throws Exception {
        String consultant = stack.token(TENANT, "admin", "assessor");
        UUID assessmentId = Pipeline.startAssessment(stack, consultant, 
                "Gap analysis behind malformed events", Criticality.HIGH);
        String key = assessmentId.toString();

        List<Published> published = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : List.of("gaplens.assessment.events", "gaplens.risk.events", "gaplens.remediation.events")) {
                published.addAll(publishMalformed(producer, topic, key));
            }
        }

        // Valid events behind the malformed ones: the answer sends GapIdentified, risk-service
        // rates it with RiskAssessed, remediation-service plans an action, and completing the
        // action sends RemediationCompleted back to assessment-service.
        String owner = stack.token(TENANT, "remediation-owner");
        String viewer = stack.token(TENANT, "viewer");
        AnswersApi answers = new AnswersApi(Clients.assessment(stack.url("assessment-service"), consultant));
        String etag = Pipeline.etag(answers.answerResourceGetWithHttpInfo(assessmentId, REF).getHeaders());
        answers.answerResourceRecord(assessmentId, REF,
                new AnswerRequest().status(ImplementationStatus.NOT_IMPLEMENTED).maturity(0), etag);

        RemediationActionsApi actions = new RemediationActionsApi(Clients.remediation(stack.url("remediation-service"), owner));
        List<ActionView> planned = new ArrayList<>();
        Pipeline.await("remediation-service to plan an action for " + REF, PIPELINE_TIMEOUT, () -> {
            planned.clear();
            planned.addAll(actions.remediationActionResourceListActions(key, null, null, "0", null, "50", null).getItems());
            return !planned.isEmpty();
        }, () -> "no action");
        assertEquals(1, planned.size(), "one action for the one gap");
        ActionView action = planned.get(0);
        changeStatus(actions, action.getId(), ActionStatus.IN_PROGRESS);
        changeStatus(actions, action.getId(), ActionStatus.DONE);

        Pipeline.await("assessment-service to mark " + REF + " remediated", PIPELINE_TIMEOUT,
                () -> Boolean.TRUE.equals(answers.answerResourceGet(assessmentId, REF).getRemediated()),
                () -> "not remediated");
        ReportsApi reports = new ReportsApi(Clients.reporting(stack.url("reporting-service"), viewer));
        Pipeline.await("reporting-service to show the completed action of " + REF, PIPELINE_TIMEOUT,
                () -> reports.reportResourceGaps(key, null, null, "0", "50", null).getItems().stream()
                        .anyMatch(gap -> "DONE".equals(gap.getActionStatus())),
                () -> "action not done in the gap list");

        // Each valid event after the malformed records was applied: its visible effect is there,
        // and each consumer's processed-event table lists its id.
        RiskView risk = new RiskRegisterApi(Clients.risk(stack.url("risk-service"), viewer))
                .riskResourceList(key, null, "0", REF, "50", null).getItems().get(0);
        assertEquals("OPEN", risk.getStatus(), "risk-service applied GapIdentified");
        AnswerView answer = answers.answerResourceGet(assessmentId, REF);
        assertEquals(action.getId(), answer.getRemediationActionId(), "assessment-service applied RemediationCompleted");
        GapView gap = reports.reportResourceGaps(key, null, null, "0", "50", null).getItems().get(0);
        assertEquals(REF, gap.getRequirementRef(), "reporting-service applied GapIdentified");
        assertNotNull(gap.getRiskLevel(), "reporting-service applied RiskAssessed");
        assertEquals(action.getId(), gap.getActionId(), "reporting-service applied RemediationPlanned");

        Map<String, String> validEvents = new LinkedHashMap<>();
        validEvents.put("GapIdentified", eventId("gaplens.assessment.events", key, "assessment-service", "GapIdentified"));
        validEvents.put("RiskAssessed", eventId("gaplens.risk.events", key, "risk-service", "RiskAssessed"));
        validEvents.put("RemediationCompleted",
                eventId("gaplens.remediation.events", key, "remediation-service", "RemediationCompleted"));
        assertProcessed("risk-service", validEvents.get("GapIdentified"));
        assertProcessed("remediation-service", validEvents.get("GapIdentified"));
        assertProcessed("remediation-service", validEvents.get("RiskAssessed"));
        assertProcessed("reporting-service", validEvents.get("GapIdentified"));
        assertProcessed("reporting-service", validEvents.get("RiskAssessed"));
        assertProcessed("reporting-service", validEvents.get("RemediationCompleted"));
        assertProcessed("assessment-service", validEvents.get("RemediationCompleted"));

        // Every consumer of a topic dead-lettered each malformed record of that topic, with the reason.
        for (String service : List.of("risk-service", "remediation-service", "reporting-service", "assessment-service")) {
            List<Published> expected = published.stream()
                    .filter(record -> CONSUMERS.get(record.topic()).contains(service)).toList();
            List<ConsumerRecord<String, String>> deadLetters = Topics.readUntil(stack.bootstrapServers(),
                    "gaplens." + service + ".dead-letter", record -> key.equals(record.key()),
                    found -> found.size() >= expected.size(), Duration.ofSeconds(30));
            assertEquals(expected.size(), deadLetters.size(), service + " dead-lettered each malformed record once");
            for (Published record : expected) {
                ConsumerRecord<String, String> deadLetter = deadLetters.stream()
                        .filter(candidate -> isCopyOf(candidate, record)).findFirst()
                        .orElseThrow(() -> new AssertionError(service + " did not dead-letter the " + record.kind()
                                + " record at " + record.topic() + "-" + record.partition() + "@" + record.offset()));
                String reason = Topics.header(deadLetter, "dead-letter-reason");
                assertNotNull(reason, service + " gives a reason for the " + record.kind() + " record");
                assertTrue(reason.contains(record.expectedReason()),
                        service + " names the fault of the " + record.kind() + " record: " + reason);
            }
        }
    }

    private List<Published> publishMalformed(KafkaProducer<String, String> producer, String topic, String key)
            throws Exception {
        String knownType = KNOWN_TYPES.get(topic);
        String id = UUID.randomUUID().toString();
        List<Published> published = new ArrayList<>();
        published.add(send(producer, topic, key, "not JSON", "is not JSON",
                envelope(knownType), "{\"tenantId\": \"" + TENANT + "\", unquoted text"));
        published.add(send(producer, topic, key, "unknown type", "Unknown event type",
                envelope(knownType.replaceFirst("\\.[A-Za-z]+\\.v1$", ".SomethingHappened.v1")),
                "{\"tenantId\": \"" + TENANT + "\", \"assessmentId\": \"" + key + "\"}"));
        published.add(send(producer, topic, key, "schema-invalid", "violates",
                envelope(knownType), "{\"tenantId\": \"" + TENANT + "\", \"assessmentId\": \"" + id + "\","
                        + " \"requirementRef\": 42}"));
        published.add(send(producer, topic, key, "without CloudEvents headers", "Not a CloudEvents 1.0 record",
                new RecordHeaders(), "{\"tenantId\": \"" + TENANT + "\", \"assessmentId\": \"" + key + "\"}"));
        return published;
    }

    private static RecordHeaders envelope(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(UUID.randomUUID().toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/gaplens/system-tests"));
        headers.add("ce_tenantid", bytes(TENANT));
        headers.add("content-type", bytes("application/json"));
        return headers;
    }

    private static Published send(KafkaProducer<String, String> producer, String topic, String key, String kind,
                                  String expectedReason, RecordHeaders headers, String value) throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, null, key, value, headers))
                .get(30, TimeUnit.SECONDS);
        return new Published(kind, expectedReason, topic, metadata.partition(), metadata.offset());
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Tells whether a dead-letter record names {@code published} as its original by topic, partition and offset. */
    private static boolean isCopyOf(ConsumerRecord<String, String> deadLetter, Published published) {
        return published.topic().equals(Topics.header(deadLetter, "dead-letter-topic"))
                && String.valueOf(published.partition()).equals(Topics.header(deadLetter, "dead-letter-partition"))
                && String.valueOf(published.offset()).equals(Topics.header(deadLetter, "dead-letter-offset"));
    }

    /** Returns the id of the one {@code eventName} event that {@code producer} published for the assessment. */
    private String eventId(String topic, String key, String producer, String eventName) {
        String source = "/gaplens/" + producer;
        List<ConsumerRecord<String, String>> records = Topics.readUntil(stack.bootstrapServers(), topic,
                record -> key.equals(record.key()) && source.equals(Topics.header(record, "ce_source"))
                        && eventName.equals(Pipeline.eventName(record)),
                found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one " + eventName + " of the assessment on " + topic);
        return Topics.header(records.get(0), "ce_id");
    }

    /** Asserts that {@code service}'s inbox recorded {@code eventId} as applied. */
    private void assertProcessed(String service, String eventId) throws Exception {
        String url = stack.postgres().jdbcUrl(GapLensStack.database(service));
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, "");
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from gaplens_processed_event where consumer = ? and event_id = ?")) {
            query.setString(1, service);
            query.setString(2, eventId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertEquals(1, result.getInt(1), service + " applied event " + eventId);
            }
        }
    }

    private static void changeStatus(RemediationActionsApi actions, UUID id, ActionStatus status) throws Exception {
        String etag = Pipeline.etag(actions.remediationActionResourceGetActionWithHttpInfo(id).getHeaders());
        actions.remediationActionResourceChangeStatus(id, new StatusChangeRequest().status(status)
                .at(OffsetDateTime.now()), etag);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
