package io.gaplens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.scenario.GapLensStack;

import io.gaplens.infra.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency from an answer that reveals a gap to the reporting gap list showing that gap with a risk
 * level and a remediation action, at a steady rate of one answer per interval. A plain consumer
 * reads the record timestamps of GapIdentified, RiskAssessed and RemediationPlanned for the
 * per-hop figures; the raw baseline is a produce-to-consume hop on the same broker.
 */
final class PipelineBenchmark {

    static final String TENANT = "bench-pipeline";
    private static final int GAP_LIST_POLL_MILLIS = 20;

    private final GapLensStack stack;
    private final Workload workload;
    private final BenchmarkMain.Options options;
    private final Results results;

    PipelineBenchmark(GapLensStack stack, Workload workload, BenchmarkMain.Options options, Results results) {
        this.stack = stack;
        this.workload = workload;
        this.options = options;
        this.results = results;
    }

    void run() throws Exception {
        String token = workload.writer(TENANT);
        UUID assessment = workload.createStartedAssessment(TENANT, token);
        List<String> refs = workload.requirementRefs(assessment, token);
        workload.awaitReportedAssessments(TENANT, 1, refs.size(), Duration.ofSeconds(120));
        int samples = Math.min(options.pipelineSamples(), refs.size());
        if (samples < options.pipelineSamples()) {
            BenchmarkMain.log("NOTE: one assessment has " + refs.size() + " requirements, so the pipeline takes "
                    + samples + " samples instead of " + options.pipelineSamples());
        }
        results.pipelineAssessment = assessment;
        results.pipelineRequirements = refs.size();

        BenchmarkMain.log("event pipeline: " + samples + " gap answers, one every " + options.pipelineIntervalMillis() + " ms");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> reportedAt = new ConcurrentHashMap<>();
        List<String> measured = refs.subList(0, samples);
        try (EventProbe probe = new EventProbe(stack.bootstrapServers(), assessment.toString())) {
            GapListWatcher watcher = new GapListWatcher(assessment, measured, reportedAt);
            Thread watching = new Thread(watcher, "gap-list-watcher");
            watching.start();
            long start = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                long due = start + (long) i * options.pipelineIntervalMillis() * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                sendGap(assessment, measured.get(i), token, sentAt, committedAt);
            }
            watching.join(Duration.ofSeconds(120).toMillis());
            watcher.stop();
            watching.join(5_000);
            collect(probe, measured, sentAt, committedAt, reportedAt);
        }
        results.relayGap = relayDelays("assessment-service", EventProbe.GAP_IDENTIFIED, assessment);
        results.relayRisk = relayDelays("risk-service", EventProbe.RISK_ASSESSED, assessment);
        results.relayPlan = relayDelays("remediation-service", EventProbe.REMEDIATION_PLANNED, assessment);
        workload.awaitReportingQuiet(TENANT, Duration.ofSeconds(120));

        results.rawHops = RawBaselines.kafkaHopMillis(stack.bootstrapServers(), options.rawHopSamples());
        BenchmarkMain.log(String.format("raw Kafka hop: p50 %.2f ms", Stats.median(results.rawHops)));
    }

    private void sendGap(UUID assessment, String ref, String token, Map<String, Long> sentAt, Map<String, Long> committedAt)
            throws Exception {
        String url = workload.assessmentUrl(assessment) + "/answers/" + ref;
        String etag = workload.http.get(url, token).etag();
        ObjectNode answer = BenchHttp.JSON.createObjectNode();
        answer.put("status", "PARTIALLY_IMPLEMENTED");
        answer.put("maturity", 1);
        answer.put("notes", "Benchmark gap.");
        sentAt.put(ref, System.currentTimeMillis());
        JsonNode stored = workload.http.putJson(url, token, etag, answer).body();
        committedAt.put(ref, OffsetDateTime.parse(stored.path("updatedAt").asText()).toInstant().toEpochMilli());
    }

    private void collect(EventProbe probe, List<String> refs, Map<String, Long> sentAt, Map<String, Long> committedAt,
                         Map<String, Long> reportedAt) {
        for (String ref : refs) {
            Long reported = reportedAt.get(ref);
            if (reported == null) {
                results.pipelineMissing++;
                continue;
            }
            results.endToEnd.add((double) (reported - sentAt.get(ref)));
            Long gap = probe.timestamp(EventProbe.GAP_IDENTIFIED, ref);
            Long risk = probe.timestamp(EventProbe.RISK_ASSESSED, ref);
            Long plan = probe.timestamp(EventProbe.REMEDIATION_PLANNED, ref);
            if (gap == null || risk == null || plan == null) {
                results.pipelineWithoutEvents++;
                continue;
            }
            results.commitToGap.add((double) (gap - committedAt.get(ref)));
            results.gapToRisk.add((double) (risk - gap));
            results.riskToPlan.add((double) (plan - risk));
            results.planToReport.add((double) (reported - plan));
        }
        BenchmarkMain.log(String.format("event pipeline: end to end p50 %.0f ms, p99 %.0f ms; %d samples not reported",
                Stats.median(results.endToEnd), Stats.percentile(results.endToEnd, 99), results.pipelineMissing));
    }

    /**
     * Returns, in milliseconds, how long each outbox row of {@code type} for the assessment waited
     * between its write (occurred_at, in the state-changing transaction) and the relay's publish (sent_at).
     */
    private List<Double> relayDelays(String service, String type, UUID assessment) throws Exception {
        List<Double> delays = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(GapLensStack.database(service)),
                LocalPostgres.USER, "");
             PreparedStatement query = connection.prepareStatement("""
                     select extract(epoch from (sent_at - occurred_at)) * 1000 from gaplens_outbox
                     where record_key = ? and ce_type = ? and sent_at is not null
                     """)) {
            query.setString(1, assessment.toString());
            query.setString(2, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    delays.add(rows.getDouble(1));
                }
            }
        }
        return delays;
    }

    /** Polls the reporting gap list and stores when each requirement first shows a risk level and an action. */
    private final class GapListWatcher implements Runnable {

        private final UUID assessment;
        private final List<String> refs;
        private final Map<String, Long> reportedAt;
        private volatile boolean running = true;

        GapListWatcher(UUID assessment, List<String> refs, Map<String, Long> reportedAt) {
            this.assessment = assessment;
            this.refs = refs;
            this.reportedAt = reportedAt;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            String token = workload.viewer(TENANT);
            String url = workload.reportUrl(assessment) + "/gaps?size=500";
            Instant deadline = Instant.now().plusMillis((long) refs.size() * options.pipelineIntervalMillis()).plusSeconds(120);
            try {
                while (running && reportedAt.size() < refs.size() && Instant.now().isBefore(deadline)) {
                    JsonNode items = workload.http.get(url, token).body().path("items");
                    long now = System.currentTimeMillis();
                    for (JsonNode gap : items) {
                        boolean complete = !gap.path("riskLevel").isNull() && !gap.path("riskLevel").isMissingNode()
                                && !gap.path("actionId").isNull() && !gap.path("actionId").isMissingNode();
                        if (complete) {
                            reportedAt.putIfAbsent(gap.path("requirementRef").asText(), now);
                        }
                    }
                    Thread.sleep(GAP_LIST_POLL_MILLIS);
                }
            } catch (Exception e) {
                BenchmarkMain.log("the gap list watcher failed: " + e);
            }
        }
    }
}
