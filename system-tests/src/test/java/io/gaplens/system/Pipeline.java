package io.gaplens.system;

import io.gaplens.scenario.GapLensStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Helpers of the fault tests: bounded waits for the event pipeline and counts of the events on a topic. */
final class Pipeline {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private Pipeline() {
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
