package io.gaplens.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.scenario.GapLensStack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Answers per second through the REST API, one PUT at a time and as bulk CSV imports, against
 * raw JDBC inserts of the same number of answer-shaped rows into the same PostgreSQL server.
 * Every answer is IMPLEMENTED at maturity 3 (the target), so no gap events follow; AnswerRecorded
 * events still flow to reporting-service.
 */
final class IngestionBenchmark {

    private static final String TENANT = "bench-ingest";

    private final GapLensStack stack;
    private final Workload workload;
    private final BenchmarkMain.Options options;
    private final Results results;

    IngestionBenchmark(GapLensStack stack, Workload workload, BenchmarkMain.Options options, Results results) {
        this.stack = stack;
        this.workload = workload;
        this.options = options;
        this.results = results;
    }

    void run() throws Exception {
        String token = workload.writer(TENANT);
        warmUp(token);
        measureSingle(token);
        workload.awaitReportingQuiet(TENANT, Duration.ofSeconds(180));
        measureBulk(token);
        workload.awaitReportingQuiet(TENANT, Duration.ofSeconds(300));

        RawBaselines.prepareAnswerTable(stack.postgres());
        results.rawSingleRate = RawBaselines.jdbcSingleInsertRate(stack.postgres(), results.singleAnswers);
        results.rawBatchRate = RawBaselines.jdbcBatchInsertRate(stack.postgres(), results.bulkRows);
        BenchmarkMain.log(String.format("raw JDBC: %.0f rows/s one per transaction, %.0f rows/s in batches",
                results.rawSingleRate, results.rawBatchRate));
    }

    /** Sends one bulk import and a few single answers untimed, so that class loading and JIT warm-up stay out of the figures. */
    private void warmUp(String token) throws Exception {
        UUID assessment = workload.createStartedAssessment(TENANT, token);
        List<String> refs = workload.requirementRefs(assessment, token);
        workload.http.postCsv(workload.assessmentUrl(assessment) + "/answers/import", token, csv(refs));
        UUID second = workload.createStartedAssessment(TENANT, token);
        for (String ref : refs.subList(0, Math.min(20, refs.size()))) {
            putAnswer(second, ref, token);
        }
        workload.awaitReportingQuiet(TENANT, Duration.ofSeconds(120));
    }

    private void measureSingle(String token) throws Exception {
        BenchmarkMain.log("single answers: " + options.singleAnswers() + " PUTs with If-Match, one at a time");
        long putNanos = 0;
        int sent = 0;
        while (sent < options.singleAnswers()) {
            UUID assessment = workload.createStartedAssessment(TENANT, token);
            for (String ref : workload.requirementRefs(assessment, token)) {
                if (sent == options.singleAnswers()) {
                    break;
                }
                putNanos += putAnswer(assessment, ref, token);
                sent++;
            }
        }
        results.singleAnswers = sent;
        results.singleRate = sent / (putNanos / 1e9);
        BenchmarkMain.log(String.format("single answers: %.0f answers/s", results.singleRate));
    }

    /** Reads the answer's ETag, records the answer and returns the PUT's duration in nanoseconds. */
    private long putAnswer(UUID assessment, String ref, String token) throws Exception {
        String url = workload.assessmentUrl(assessment) + "/answers/" + ref;
        String etag = workload.http.get(url, token).etag();
        ObjectNode answer = BenchHttp.JSON.createObjectNode();
        answer.put("status", "IMPLEMENTED");
        answer.put("maturity", 3);
        answer.put("notes", "Benchmark answer.");
        long start = System.nanoTime();
        workload.http.putJson(url, token, etag, answer);
        return System.nanoTime() - start;
    }

    private void measureBulk(String token) throws Exception {
        BenchmarkMain.log("bulk answers: " + options.bulkAssessments() + " CSV imports, one per assessment");
        long importNanos = 0;
        int rows = 0;
        int rowsPerImport = 0;
        for (int i = 0; i < options.bulkAssessments(); i++) {
            UUID assessment = workload.createStartedAssessment(TENANT, token);
            List<String> refs = workload.requirementRefs(assessment, token);
            String csv = csv(refs);
            long start = System.nanoTime();
            workload.http.postCsv(workload.assessmentUrl(assessment) + "/answers/import", token, csv);
            importNanos += System.nanoTime() - start;
            rows += refs.size();
            rowsPerImport = refs.size();
        }
        results.bulkRows = rows;
        results.bulkRowsPerImport = rowsPerImport;
        results.bulkRate = rows / (importNanos / 1e9);
        BenchmarkMain.log(String.format("bulk answers: %.0f answers/s", results.bulkRate));
    }

    private static String csv(List<String> refs) {
        StringBuilder csv = new StringBuilder(Workload.CSV_HEADER);
        for (String ref : refs) {
            csv.append(ref).append(",Implemented,3,,,Benchmark answer.,,,,\n");
        }
        return csv.toString();
    }
}
