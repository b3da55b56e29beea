package io.gaplens.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The figures of one benchmark run, and the markdown table that presents them. */
final class Results {

    /** Report times after the tenant reached {@code assessments} started assessments; durations in milliseconds. */
    record Tier(int assessments, List<Double> summaryMillis, List<Double> soaMillis, List<Double> oscalMillis,
                List<Double> sqlMillis, List<Double> listMillis, List<Double> tenantSqlMillis, long requirementRows) {
    }

    int singleAnswers;
    double singleRate;
    int bulkRows;
    int bulkRowsPerImport;
    double bulkRate;
    double rawSingleRate;
    double rawBatchRate;

    UUID pipelineAssessment;
    int pipelineRequirements;
    int pipelineMissing;
    int pipelineWithoutEvents;
    int pipelineWarmUp;
    Double coldEndToEnd;
    Double coldRiskToPlan;
    final List<Double> endToEnd = new ArrayList<>();
    final List<Double> commitToGap = new ArrayList<>();
    final List<Double> gapToRisk = new ArrayList<>();
    final List<Double> riskToPlan = new ArrayList<>();
    final List<Double> planToReport = new ArrayList<>();
    List<Double> rawHops = List.of();
    List<Double> relayGap = List.of();
    List<Double> relayRisk = List.of();
    List<Double> relayPlan = List.of();

    List<Double> summaryMillis = List.of();
    List<Double> soaMillis = List.of();
    List<Double> oscalMillis = List.of();
    List<Double> sqlMillis = List.of();
    long soaBytes;
    long oscalBytes;
    final List<Tier> tiers = new ArrayList<>();

    private Map<String, Footprint.Service> footprint = Map.of();

    void footprint(Footprint measured) {
        footprint = measured.services();
    }

    String table(Duration runTime) {
        StringBuilder out = new StringBuilder();
        ingestion(out);
        pipeline(out);
        reports(out);
        footprint(out);
        out.append("\nWhole run, stack start to stop: ").append(runTime.toSeconds()).append(" s\n");
        return out.toString();
    }

    private void ingestion(StringBuilder out) {
        out.append("### Answer ingestion\n\n");
        out.append("| Path | GapLens | Raw baseline, same PostgreSQL | Raw / GapLens |\n|---|---:|---:|---:|\n");
        out.append("| Single: PUT with If-Match, one at a time (").append(singleAnswers).append(" answers) | ")
                .append(Stats.rate(singleRate)).append(" | ").append(Stats.rate(rawSingleRate))
                .append(" (JDBC insert, one row per transaction) | ").append(Stats.ratio(rawSingleRate / singleRate)).append(" |\n");
        out.append("| Bulk: CSV import, ").append(bulkRowsPerImport).append(" rows each (").append(bulkRows).append(" answers) | ")
                .append(Stats.rate(bulkRate)).append(" | ").append(Stats.rate(rawBatchRate))
                .append(" (JDBC batches of 500, one transaction) | ").append(Stats.ratio(rawBatchRate / bulkRate)).append(" |\n");
    }

    private void pipeline(StringBuilder out) {
        double raw50 = Stats.median(rawHops);
        double raw99 = Stats.percentile(rawHops, 99);
        out.append("\n### Event pipeline (").append(endToEnd.size()).append(" samples after ").append(pipelineWarmUp)
                .append(" untimed warm-up answers");
        if (pipelineMissing > 0) {
            out.append(", ").append(pipelineMissing).append(" never reported");
        }
        if (pipelineWithoutEvents > 0) {
            out.append(", ").append(pipelineWithoutEvents).append(" without all three events");
        }
        out.append("; raw hop: ").append(rawHops.size()).append(" samples)\n\n");
        out.append("| Step | p50 | p99 | p50 / raw Kafka hop p50 |\n|---|---:|---:|---:|\n");
        hop(out, "PUT sent -> gap list shows risk level and action (end to end)", endToEnd, raw50);
        hop(out, "answer stored (updatedAt) -> GapIdentified on topic", commitToGap, raw50);
        hop(out, "GapIdentified -> RiskAssessed", gapToRisk, raw50);
        hop(out, "RiskAssessed -> RemediationPlanned", riskToPlan, raw50);
        hop(out, "RemediationPlanned -> gap list shows it (polled every 20 ms)", planToReport, raw50);
        relay(out, "assessment-service", "GapIdentified", relayGap);
        relay(out, "risk-service", "RiskAssessed", relayRisk);
        relay(out, "remediation-service", "RemediationPlanned", relayPlan);
        out.append("| Raw Kafka produce -> consume, same broker, acks=all | ").append(Stats.millis(raw50)).append(" | ")
                .append(Stats.millis(raw99)).append(" | 1.0x |\n");
        out.append("| Cold: first gap answer after start-up, end to end (one sample) | ").append(optionalMillis(coldEndToEnd))
                .append(" | | |\n");
        out.append("| Cold: of which RiskAssessed -> RemediationPlanned (one sample) | ").append(optionalMillis(coldRiskToPlan))
                .append(" | | |\n");
    }

    private static void relay(StringBuilder out, String service, String event, List<Double> delays) {
        out.append("| of which in ").append(service).append("'s outbox: ").append(event).append(" written -> sent (")
                .append(delays.size()).append(" rows) | ").append(Stats.millis(Stats.median(delays))).append(" | ")
                .append(Stats.millis(Stats.percentile(delays, 99))).append(" | |\n");
    }

    private static void hop(StringBuilder out, String name, List<Double> values, double raw50) {
        double p50 = Stats.median(values);
        out.append("| ").append(name).append(" | ").append(Stats.millis(p50)).append(" | ")
                .append(Stats.millis(Stats.percentile(values, 99))).append(" | ").append(Stats.ratio(p50 / raw50)).append(" |\n");
    }

    private void reports(StringBuilder out) {
        double sql = Stats.median(sqlMillis);
        out.append("\n### Reports for one assessment (").append(pipelineRequirements).append(" requirements, ")
                .append(endToEnd.size()).append(" rated and planned gaps; ").append(summaryMillis.size()).append(" requests each)\n\n");
        out.append("| Report | p50 | p95 | Size | p50 / SQL aggregate p50 |\n|---|---:|---:|---:|---:|\n");
        report(out, "Summary (JSON)", summaryMillis, "", sql);
        report(out, "SoA export (CSV)", soaMillis, kibibytes(soaBytes), sql);
        report(out, "OSCAL assessment results (JSON)", oscalMillis, kibibytes(oscalBytes), sql);
        out.append("| Plain SQL aggregate over the same rows (JDBC) | ").append(Stats.millis(sql)).append(" | ")
                .append(Stats.millis(Stats.percentile(sqlMillis, 95))).append(" | | 1.0x |\n");

        out.append("\n### Growth with the tenant's assessments (p50 of ").append(summaryMillis.size()).append(" requests)\n\n");
        out.append("| Assessments | Requirement rows | Summary of one assessment | SoA CSV | OSCAL results | SQL aggregate "
                + "| Summary / SQL | Assessment list (first page of 50) | SQL select of the page and count | List / SQL |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Tier tier : tiers) {
            double summary = Stats.median(tier.summaryMillis());
            double tierSql = Stats.median(tier.sqlMillis());
            double list = Stats.median(tier.listMillis());
            double tenantSql = Stats.median(tier.tenantSqlMillis());
            out.append(String.format("| %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n", tier.assessments(),
                    tier.requirementRows(), Stats.millis(summary), Stats.millis(Stats.median(tier.soaMillis())),
                    Stats.millis(Stats.median(tier.oscalMillis())), Stats.millis(tierSql), Stats.ratio(summary / tierSql),
                    Stats.millis(list), Stats.millis(tenantSql), Stats.ratio(list / tenantSql)));
        }
    }

    private static void report(StringBuilder out, String name, List<Double> values, String size, double sql) {
        double p50 = Stats.median(values);
        out.append("| ").append(name).append(" | ").append(Stats.millis(p50)).append(" | ")
                .append(Stats.millis(Stats.percentile(values, 95))).append(" | ").append(size).append(" | ")
                .append(Stats.ratio(p50 / sql)).append(" |\n");
    }

    private void footprint(StringBuilder out) {
        out.append("\n### Footprint\n\n");
        out.append("| Service | Process start -> ready health | Quarkus \"started in\" | RSS idle | RSS after load |\n"
                + "|---|---:|---:|---:|---:|\n");
        footprint.forEach((service, figures) -> out.append(String.format("| %s | %s | %s | %s | %s |%n", service,
                seconds(figures.readySeconds()), seconds(figures.quarkusSeconds()),
                mebibytes(figures.idleMebibytes()), mebibytes(figures.loadedMebibytes()))));
    }

    private static String optionalMillis(Double value) {
        return value == null ? "n/a" : Stats.millis(value);
    }

    private static String seconds(double value) {
        return value < 0 ? "n/a" : String.format("%.1f s", value);
    }

    private static String mebibytes(double value) {
        return value < 0 ? "n/a" : String.format("%.0f MiB", value);
    }

    private static String kibibytes(long bytes) {
        return String.format("%.1f KiB", bytes / 1024.0);
    }
}
