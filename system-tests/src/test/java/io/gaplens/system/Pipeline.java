package io.gaplens.system;

import io.gaplens.client.assessment.api.AssessmentsApi;
import io.gaplens.client.assessment.model.AssessmentRequest;
import io.gaplens.client.assessment.model.AssessmentView;
import io.gaplens.client.assessment.model.Asset;
import io.gaplens.client.assessment.model.Criticality;
import io.gaplens.client.assessment.model.Scope;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Helpers of the fault tests: a started assessment, bounded waits for the event pipeline and counts
 * of the events on a topic.
 */
final class Pipeline {

    /** The target maturity of the assessments that {@link #startAssessment} creates. */
    static final int TARGET_MATURITY = 3;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private Pipeline() {
    }

    /**
     * Creates and starts an ISO/IEC 27001:2022 assessment with {@link #TARGET_MATURITY}, whose scope
     * has one asset of {@code criticality}, and returns its id.
     */
    static UUID startAssessment(GapLensStack stack, String token, String name, Criticality criticality)
            throws Exception {
        AssessmentsApi assessments = new AssessmentsApi(Clients.assessment(stack.url("assessment-service"), token));
        AssessmentView created = assessments.assessmentResourceCreate(new AssessmentRequest()
                .name(name)
                .catalogId("iso-iec-27001")
                .catalogVersion("2022")
                .targetMaturity(TARGET_MATURITY)
                .startDate(LocalDate.of(2026, 11, 2))
                .dueDate(LocalDate.of(2026, 11, 30))
                .scope(new Scope()
                        .addBusinessUnitsItem("Operations")
                        .addAssetsItem(new Asset().name("Order platform").criticality(criticality))));
        assessments.assessmentResourceStart(created.getId());
        return created.getId();
    }

    /** A condition that a wait checks again until it holds. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** A description of the state that a wait checks, for its failure message. */
    interface State {
        String describe() throws Exception;
    }

    /**
     * Checks {@code condition} every half second until it holds, and fails after {@code timeout}
     * with the description of {@code state} at that moment.
     */
    static void await(String description, Duration timeout, Condition condition, State state) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description
                        + "; last seen: " + describe(state));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static String describe(State state) {
        try {
            return state.describe();
        } catch (Exception e) {
            return "reading the state failed: " + e;
        }
    }

    /** Waits until every service of the stack reports ready health. */
    static void awaitAllReady(GapLensStack stack) throws InterruptedException {
        for (String service : GapLensStack.SERVICES) {
            stack.awaitReady(service);
        }
    }

    /** Returns the ETag header of a response, which a later change sends back as If-Match. */
    static String etag(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("etag") && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        throw new AssertionError("The response has no ETag header: " + headers.keySet());
    }

    /** Counts the distinct events (by {@code ce_id}) per event name, such as GapIdentified. */
    static Map<String, Integer> distinctEventsByName(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (seen.add(Topics.header(record, "ce_id"))) {
                counts.merge(eventName(record), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Returns how many records repeat an event id that an earlier record carried. */
    static int duplicates(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (!seen.add(Topics.header(record, "ce_id"))) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** Returns the event name of a CloudEvents type such as io.gaplens.assessment.GapIdentified.v1. */
    static String eventName(ConsumerRecord<String, String> record) {
        String type = Topics.header(record, "ce_type");
        if (type == null) {
            return "(no ce_type)";
        }
        String[] parts = type.split("\\.");
        return parts.length < 2 ? type : parts[parts.length - 2];
    }
}
