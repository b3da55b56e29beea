package io.gaplens.bench;

import io.gaplens.infra.LocalPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Baselines of the raw infrastructure for the same work, so that GapLens's figures can be compared with them. */
final class RawBaselines {

    private RawBaselines() {
    }

    /** Creates the database {@code bench_raw} with an answer-shaped table, and empties the table when it exists. */
    static void prepareAnswerTable(LocalPostgres postgres) throws Exception {
        postgres.createDatabase("bench_raw");
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists raw_answer");
            statement.execute("""
                    create table raw_answer (
                        id uuid primary key, tenant_id text not null, assessment_id uuid not null,
                        requirement_ref text not null, status text not null, maturity integer,
                        notes text, updated_at timestamptz not null, unique (assessment_id, requirement_ref))
                    """);
        }
    }

    /** Inserts {@code rows} answer-shaped rows with JDBC batches of 500 in one transaction and returns rows per second. */
    static double jdbcBatchInsertRate(LocalPostgres postgres, int rows) throws Exception {
        try (Connection connection = connect(postgres)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                UUID assessment = UUID.randomUUID();
                for (int i = 0; i < rows; i++) {
                    if (i % 123 == 0) {
                        assessment = UUID.randomUUID();
                    }
                    bind(insert, assessment, i);
                    insert.addBatch();
                    if (i % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Inserts {@code rows} answer-shaped rows one per transaction (auto-commit) and returns rows per second. */
    static double jdbcSingleInsertRate(LocalPostgres postgres, int rows) throws Exception {
        try (Connection connection = connect(postgres);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            long start = System.nanoTime();
            UUID assessment = UUID.randomUUID();
            for (int i = 0; i < rows; i++) {
                if (i % 123 == 0) {
                    assessment = UUID.randomUUID();
                }
                bind(insert, assessment, i);
                insert.executeUpdate();
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static final String INSERT = "insert into raw_answer values (?, ?, ?, ?, ?, ?, ?, ?)";

    private static Connection connect(LocalPostgres postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("bench_raw"), LocalPostgres.USER, "");
    }

    private static void bind(PreparedStatement insert, UUID assessment, int row) throws Exception {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, "bench");
        insert.setObject(3, assessment);
        insert.setString(4, "R" + (row % 123));
        insert.setString(5, "IMPLEMENTED");
        insert.setInt(6, 3);
        insert.setString(7, "Benchmark answer.");
        insert.setTimestamp(8, Timestamp.from(Instant.now()));
    }

    /** Measures {@code samples} produce-to-consume hops on one topic, one record at a time, in milliseconds. */
    static List<Double> kafkaHopMillis(String bootstrapServers, int samples) throws Exception {
        String topic = "bench.raw-hop." + UUID.randomUUID();
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");

        List<Double> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "warm-up")).get();
            consumer.subscribe(List.of(topic));
            awaitRecords(consumer, 1);

            for (int i = 0; i < samples; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "key", Long.toString(sent))).get();
                awaitRecords(consumer, 1);
                latencies.add((System.nanoTime() - sent) / 1e6);
            }
        }
        return latencies;
    }

    private static void awaitRecords(KafkaConsumer<String, String> consumer, int count) {
        int received = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (received < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("No record arrived within 30 s");
            }
            for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(5))) {
                received++;
            }
        }
    }
}
