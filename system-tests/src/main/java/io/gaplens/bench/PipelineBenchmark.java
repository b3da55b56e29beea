package io.gaplens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.infra.LocalPostgres;
import io.gaplens.scenario.GapLensStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
    private static final String WARM_UP_TENANT = "bench-warm-up";
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
        warmUp();

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
        Trace trace = trace(TENANT, assessment, refs.subList(0, samples), token);
        collect(trace);
        results.relayGap = relayDelays("assessment-service", EventProbe.GAP_IDENTIFIED, assessment);
        results.relayRisk = relayDelays("risk-service", EventProbe.RISK_ASSESSED, assessment);
        results.relayPlan = relayDelays("remediation-service", EventProbe.REMEDIATION_PLANNED, assessment);
        workload.awaitReportingQuiet(TENANT, Duration.ofSeconds(120));

        results.rawHops = RawBaselines.kafkaHopMillis(stack.bootstrapServers(), options.rawHopSamples());
        BenchmarkMain.log(String.format("raw Kafka hop: p50 %.2f ms", Stats.median(results.rawHops)));
    }

    /**
     * Sends untimed gap answers in a tenant of their own, so that the timed series measures a steady
     * state. The first gap after start-up runs each service's rating, planning and reporting code for
     * the first time (query parsing, class loading, JIT compilation), and the events behind it queue
     * in the same partition. Its end-to-end time is kept as the cold figure.
     */
    private void warmUp() throws Exception {
        String token = workload.writer(WARM_UP_TENANT);
        UUID assessment = workload.createStartedAssessment(WARM_UP_TENANT, token);
        List<String> refs = workload.requirementRefs(assessment, token);
        workload.awaitReportedAssessments(WARM_UP_TENANT, 1, refs.size(), Duration.ofSeconds(120));
        List<String> warmUpRefs = refs.subList(0, Math.min(options.pipelineWarmUp(), refs.size()));

        BenchmarkMain.log("event pipeline warm-up: " + warmUpRefs.size() + " untimed gap answers in tenant " + WARM_UP_TENANT);
        Trace trace = trace(WARM_UP_TENANT, assessment, warmUpRefs, token);
        String first = warmUpRefs.get(0);
        results.pipelineWarmUp = warmUpRefs.size();
        results.coldEndToEnd = trace.endToEnd(first);
        results.coldRiskToPlan = trace.between(trace.riskAt(), trace.planAt(), first);
        workload.awaitReportingQuiet(WARM_UP_TENANT, Duration.ofSeconds(120));
    }

    /** When each gap answer of a series was sent and stored, when its events were produced and when the gap list showed it. */
    private record Trace(Map<String, Long> sentAt, Map<String, Long> committedAt, Map<String, Long> reportedAt,
                         Map<String, Long> gapAt, Map<String, Long> riskAt, Map<String, Long> planAt) {

        /** Returns the milliseconds from sending {@code ref}'s answer to the gap list showing it, or null if it never did. */
        Double endToEnd(String ref) {
            return between(sentAt, reportedAt, ref);
        }

        Double between(Map<String, Long> from, Map<String, Long> to, String ref) {
            Long start = from.get(ref);
            Long end = to.get(ref);
            return start == null || end == null ? null : (double) (end - start);
        }
    }

    /** Sends one gap answer for each of {@code refs}, one per interval, and records the series' times. */
    private Trace trace(String tenant, UUID assessment, List<String> refs, String token) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> reportedAt = new ConcurrentHashMap<>();
        Map<String, Long> gapAt = new HashMap<>();
        Map<String, Long> riskAt = new HashMap<>();
        Map<String, Long> planAt = new HashMap<>();
        try (EventProbe probe = new EventProbe(stack.bootstrapServers(), assessment.toString())) {
            GapListWatcher watcher = new GapListWatcher(tenant, assessment, refs, reportedAt);
            Thread watching = new Thread(watcher, "gap-list-watcher");
            watching.start();
            long start = System.nanoTime();
            for (int i = 0; i < refs.size(); i++) {
                long due = start + (long) i * options.pipelineIntervalMillis() * 1_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                sendGap(assessment, refs.get(i), token, sentAt, committedAt);
            }
            watching.join(Duration.ofSeconds(120).toMillis());
            watcher.stop();
            watching.join(5_000);

            for (String ref : refs) {
                putIfPresent(gapAt, ref, probe.timestamp(EventProbe.GAP_IDENTIFIED, ref));
                putIfPresent(riskAt, ref, probe.timestamp(EventProbe.RISK_ASSESSED, ref));
                putIfPresent(planAt, ref, probe.timestamp(EventProbe.REMEDIATION_PLANNED, ref));
            }
        }
        return new Trace(sentAt, committedAt, reportedAt, gapAt, riskAt, planAt);
    }

    private static void putIfPresent(Map<String, Long> times, String ref, Long time) {
        if (time != null) {
            times.put(ref, time);
        }
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

    private void collect(Trace trace) {
        for (String ref : trace.sentAt().keySet().stream().sorted().toList()) {
            Double endToEnd = trace.endToEnd(ref);
            if (endToEnd == null) {
                results.pipelineMissing++;
                continue;
            }
            results.endToEnd.add(endToEnd);
            if (!trace.gapAt().containsKey(ref) || !trace.riskAt().containsKey(ref) || !trace.planAt().containsKey(ref)) {
                results.pipelineWithoutEvents++;
                continue;
            }
            results.commitToGap.add(trace.between(trace.committedAt(), trace.gapAt(), ref));
            results.gapToRisk.add(trace.between(trace.gapAt(), trace.riskAt(), ref));
            results.riskToPlan.add(trace.between(trace.riskAt(), trace.planAt(), ref));
            results.planToReport.add(trace.between(trace.planAt(), trace.reportedAt(), ref));
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

        private final String tenant;
        private final UUID assessment;
        private final List<String> refs;
        private final Map<String, Long> reportedAt;
        private volatile boolean running = true;

        GapListWatcher(String tenant, UUID assessment, List<String> refs, Map<String, Long> reportedAt) {
            this.tenant = tenant;
            this.assessment = assessment;
            this.refs = refs;
            this.reportedAt = reportedAt;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            String token = workload.viewer(tenant);
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
