package io.gaplens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain Kafka consumer, outside any GapLens service, that stores the record timestamp of the first
 * GapIdentified, RiskAssessed and RemediationPlanned event per requirement of one assessment. The
 * timestamps are the producers' send times (the topics keep the default CreateTime).
 */
final class EventProbe implements AutoCloseable {

    static final String GAP_IDENTIFIED = "io.gaplens.assessment.GapIdentified.v1";
    static final String RISK_ASSESSED = "io.gaplens.risk.RiskAssessed.v1";
    static final String REMEDIATION_PLANNED = "io.gaplens.remediation.RemediationPlanned.v1";
    private static final List<String> TOPICS = List.of(
            "gaplens.assessment.events", "gaplens.risk.events", "gaplens.remediation.events");

    private final String assessmentId;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> timestamps = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    /** Starts reading at the current end of the three topics. */
    EventProbe(String bootstrapServers, String assessmentId) {
        this.assessmentId = assessmentId;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::consume, "event-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns the record timestamp in epoch milliseconds of the first event of {@code type} for {@code ref}, or null. */
    Long timestamp(String type, String ref) {
        return timestamps.get(type + " " + ref);
    }

    private void consume() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    store(record);
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void store(ConsumerRecord<String, String> record) throws Exception {
        Header typeHeader = record.headers().lastHeader("ce_type");
        if (typeHeader == null || record.value() == null) {
            return;
        }
        String type = new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (!type.equals(GAP_IDENTIFIED) && !type.equals(RISK_ASSESSED) && !type.equals(REMEDIATION_PLANNED)) {
            return;
        }
        JsonNode payload = BenchHttp.JSON.readTree(record.value());
        if (!assessmentId.equals(payload.path("assessmentId").asText())) {
            return;
        }
        List<String> refs = new ArrayList<>();
        if (payload.has("requirementRefs")) {
            payload.path("requirementRefs").forEach(ref -> refs.add(ref.asText()));
        } else {
            refs.add(payload.path("requirementRef").asText());
        }
        for (String ref : refs) {
            timestamps.putIfAbsent(type + " " + ref, record.timestamp());
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
        if (failure != null) {
            throw new IllegalStateException("The event probe's consumer failed", failure);
        }
    }
}
