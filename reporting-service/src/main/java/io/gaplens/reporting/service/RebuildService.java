package io.gaplens.reporting.service;

import io.gaplens.platform.api.ApiException;
import io.gaplens.platform.api.ProblemType;
import io.gaplens.platform.events.Topics;
import io.gaplens.reporting.config.ReportingConfig;
import io.gaplens.reporting.service.ReplayApplier.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds one tenant's read models from scratch: deletes its rows and its processed-event records,
 * then reads every topic from the beginning up to the end offsets at the time of the request and
 * applies the tenant's events again. The live consumers keep running. An event they apply during
 * the rebuild is recorded as processed, so the replay skips it. Every write is guarded by the
 * event's time, so the result equals a fresh build.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final List<String> TOPICS = List.of(Topics.ASSESSMENT, Topics.RISK, Topics.REMEDIATION);

    @Inject
    EntityManager entityManager;

    @Inject
    ReplayApplier applier;

    @Inject
    ReportingConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String consumerName;

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** The outcome of a rebuild: records read per outcome. */
    public record RebuildResult(String tenantId, long recordsRead, Map<Outcome, Long> outcomes, long assessments) {
    }

    /**
     * Rebuilds the read models of {@code tenantId}. Fails with 409 while another rebuild of the same
     * tenant runs in this instance.
     * NOTE: the guard is per instance; with several replicas, two rebuilds of one tenant can overlap.
     * The processed-event records still apply each event once, but the first rebuild's counts are then low.
     */
    public RebuildResult rebuild(String tenantId) {
        if (!running.add(tenantId)) {
            throw ApiException.conflict("A rebuild of tenant " + tenantId + " is running; try again when it has finished");
        }
        try {
            return rebuildExclusively(tenantId);
        } finally {
            running.remove(tenantId);
        }
    }

    private RebuildResult rebuildExclusively(String tenantId) {
        LOG.infof("rebuild of tenant %s: started", tenantId);
        clear(tenantId);
        Map<Outcome, Long> outcomes;
        try {
            outcomes = replay(tenantId);
        } catch (KafkaException e) {
            LOG.errorf(e, "rebuild of tenant %s: reading the topics failed", tenantId);
            throw new ApiException(ProblemType.UNAVAILABLE, "Rebuild of tenant " + tenantId
                    + " failed to read the topics (" + e.getMessage() + "); the read models are incomplete until a "
                    + "rebuild succeeds, so try again when Kafka is reachable");
        }
        long records = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long assessments = entityManager.createQuery(
                        "select count(a) from AssessmentReport a where a.tenantId = ?1", Long.class)
                .setParameter(1, tenantId).getSingleResult();
        LOG.infof("rebuild of tenant %s: %d records read, %d events applied, %d assessments", tenantId, records,
                outcomes.get(Outcome.APPLIED), assessments);
        return new RebuildResult(tenantId, records, outcomes, assessments);
    }

    @Transactional
    void clear(String tenantId) {
        entityManager.createNativeQuery("""
                        delete from gaplens_processed_event
                         where consumer = ?1 and event_id in (select event_id from applied_event where tenant_id = ?2)
                        """)
                .setParameter(1, consumerName).setParameter(2, tenantId).executeUpdate();
        for (String table : List.of("applied_event", "requirement_result", "risk_rating", "remediation_action",
                "assessment_report")) {
            entityManager.createNativeQuery("delete from " + table + " where tenant_id = ?1")
                    .setParameter(1, tenantId).executeUpdate();
        }
    }

    private Map<Outcome, Long> replay(String tenantId) {
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0L);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            Set<String> existing = consumer.listTopics(config.rebuild().timeout()).keySet();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                if (existing.contains(topic)) {
                    consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions);

            Instant deadline = Instant.now().plus(config.rebuild().timeout());
            while (!reachedEnd(consumer, endOffsets)) {
                if (!Instant.now().isBefore(deadline)) {
                    LOG.errorf("rebuild of tenant %s: timed out after %s", tenantId, config.rebuild().timeout());
                    throw new ApiException(ProblemType.UNAVAILABLE, "Rebuild of tenant " + tenantId
                            + " did not reach the end of the topics within " + config.rebuild().timeout()
                            + "; the read models are incomplete until a rebuild succeeds");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(config.rebuild().pollTimeout())) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < endOffsets.getOrDefault(partition, 0L)) {
                        outcomes.merge(applier.replay(record, tenantId), 1L, Long::sum);
                    }
                }
            }
        }
        return outcomes;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, consumerName + "-rebuild-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return properties;
    }
}
