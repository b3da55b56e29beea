package io.gaplens.bench;

import io.gaplens.scenario.GapLensStack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Report times for the pipeline's assessment, whose gaps are rated and planned: the summary, the
 * SoA CSV export and the OSCAL assessment-results export. It then measures how these times and
 * the tenant's assessment list grow while the tenant gains more started assessments. The baseline is a plain SQL aggregate
 * over the same assessment's rows in the reporting database.
 */
final class ReportBenchmark {

    /** The figures the summary shows, computed in one statement over the reporting read models. */
    private static final String SUMMARY_AGGREGATE = """
            select r.total, r.answered, r.not_applicable, r.compliant, r.gaps, r.average_maturity,
                   (select count(*) from risk_rating k where k.tenant_id = ? and k.assessment_id = ?) as risks,
                   (select count(*) from risk_rating k where k.tenant_id = ? and k.assessment_id = ?
                                                         and k.level in ('HIGH', 'CRITICAL')) as high_risks,
                   (select count(*) from remediation_action a where a.tenant_id = ? and a.assessment_id = ?) as actions
            from (select count(*) as total,
                         count(*) filter (where status <> 'NOT_ASSESSED') as answered,
                         count(*) filter (where status = 'NOT_APPLICABLE') as not_applicable,
                         count(*) filter (where status = 'IMPLEMENTED'
                                          and (maturity is null or target_maturity is null or maturity >= target_maturity)) as compliant,
                         count(*) filter (where status in ('NOT_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED')
                                          or (status = 'IMPLEMENTED' and maturity < target_maturity)) as gaps,
                         avg(maturity) as average_maturity
                  from requirement_result where tenant_id = ? and assessment_id = ?) r
            """;
    private static final int WARM_UP = 3;
    private static final int SEEDING_THREADS = 4;

    private final GapLensStack stack;
    private final Workload workload;
    private final BenchmarkMain.Options options;
    private final Results results;

    ReportBenchmark(GapLensStack stack, Workload workload, BenchmarkMain.Options options, Results results) {
        this.stack = stack;
        this.workload = workload;
        this.options = options;
        this.results = results;
    }

    void run() throws Exception {
        String tenant = PipelineBenchmark.TENANT;
        String viewer = workload.viewer(tenant);
        UUID assessment = results.pipelineAssessment;
        String base = workload.reportUrl(assessment);

        BenchmarkMain.log("reports: " + options.reportRepeats() + " requests each for assessment " + assessment);
        results.summaryMillis = time(() -> workload.http.get(base + "/summary", viewer));
        results.soaMillis = time(() -> results.soaBytes = workload.http.download(base + "/exports/soa.csv", viewer));
        results.oscalMillis = time(() -> results.oscalBytes = workload.http.download(base + "/exports/oscal-assessment-results.json", viewer));
        results.sqlMillis = sqlTime(tenant, assessment);

        int existing = 1;
        for (int size : options.tenantSizes()) {
            if (size > existing) {
                Duration seeding = seed(tenant, size - existing);
                existing = size;
                BenchmarkMain.log("seeded the tenant to " + size + " started assessments in " + seeding.toSeconds() + " s");
            }
            workload.awaitReportedAssessments(tenant, existing, results.pipelineRequirements, Duration.ofSeconds(600));
            workload.awaitReportingQuiet(tenant, Duration.ofSeconds(120));
            Results.Tier tier = new Results.Tier(existing,
                    time(() -> workload.http.get(base + "/summary", viewer)),
                    time(() -> workload.http.download(base + "/exports/soa.csv", viewer)),
                    time(() -> workload.http.download(base + "/exports/oscal-assessment-results.json", viewer)),
                    sqlTime(tenant, assessment),
                    time(() -> workload.http.get(stack.url("reporting-service") + "/api/v1/reports/assessments", viewer)),
                    tenantSqlTime(tenant),
                    requirementRows(tenant));
            results.tiers.add(tier);
            BenchmarkMain.log(String.format("%d assessments: summary p50 %.1f ms, SQL p50 %.2f ms, assessment list p50 %.1f ms",
                    tier.assessments(), Stats.median(tier.summaryMillis()), Stats.median(tier.sqlMillis()),
                    Stats.median(tier.listMillis())));
        }
    }

    /** Creates and starts {@code count} assessments without answers, four at a time, and returns how long it took. */
    private Duration seed(String tenant, int count) throws Exception {
        String token = workload.writer(tenant);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS);
        try {
            List<Future<UUID>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(pool.submit(() -> workload.createStartedAssessment(tenant, token)));
            }
            for (Future<UUID> assessment : created) {
                assessment.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Runs {@code call} untimed a few times, then {@code reportRepeats} times, and returns each timed duration in milliseconds. */
    private List<Double> time(Call call) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < options.reportRepeats(); i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private List<Double> sqlTime(String tenant, UUID assessment) throws Exception {
        try (Connection connection = workload.reportingDatabase();
             PreparedStatement query = connection.prepareStatement(SUMMARY_AGGREGATE)) {
            for (int i = 1; i <= 8; i += 2) {
                query.setString(i, tenant);
                query.setObject(i + 1, assessment);
            }
            return time(() -> {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                }
            });
        }
    }

    /**
     * Times the SQL behind the first page of the assessment list: the page's assessment_report rows,
     * most recently changed first, and the tenant's count.
     */
    private List<Double> tenantSqlTime(String tenant) throws Exception {
        try (Connection connection = workload.reportingDatabase();
             PreparedStatement page = connection.prepareStatement("""
                     select * from assessment_report where tenant_id = ?
                     order by latest_event_at desc, assessment_id limit 50
                     """);
             PreparedStatement count = connection.prepareStatement("select count(*) from assessment_report where tenant_id = ?")) {
            page.setString(1, tenant);
            count.setString(1, tenant);
            return time(() -> {
                try (ResultSet rows = page.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            rows.getObject(column);
                        }
                    }
                }
                try (ResultSet total = count.executeQuery()) {
                    total.next();
                }
            });
        }
    }

    private long requirementRows(String tenant) throws Exception {
        try (Connection connection = workload.reportingDatabase();
             PreparedStatement query = connection.prepareStatement("select count(*) from requirement_result where tenant_id = ?")) {
            query.setString(1, tenant);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
