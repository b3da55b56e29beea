package io.gaplens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.infra.LocalPostgres;
import io.gaplens.scenario.GapLensStack;
import io.gaplens.scenario.Sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data the benchmark seeds through the REST APIs (assessments of the sample organisation's
 * profile under benchmark tenants) and the reporting database queries that tell when the events
 * of that data have arrived.
 */
final class Workload {

    static final String CSV_HEADER = "requirement,status,maturity,justification,inclusion_reasons,notes,"
            + "evidence_title,evidence_reference,evidence_owner,evidence_collected_on\n";

    final GapLensStack stack;
    final BenchHttp http = new BenchHttp();
    private final Sample sample;
    private final AtomicInteger sequence = new AtomicInteger();

    Workload(GapLensStack stack, Sample sample) {
        this.stack = stack;
        this.sample = sample;
    }

    String writer(String tenant) {
        return stack.token(tenant, "admin", "assessor");
    }

    String viewer(String tenant) {
        return stack.token(tenant, "viewer");
    }

    String assessmentUrl(UUID assessmentId) {
        return stack.url("assessment-service") + "/api/v1/assessments/" + assessmentId;
    }

    String reportUrl(UUID assessmentId) {
        return stack.url("reporting-service") + "/api/v1/reports/assessments/" + assessmentId;
    }

    /** Creates an assessment with the sample organisation's scope and target maturity, starts it, and returns its id. */
    UUID createStartedAssessment(String tenant, String token) throws Exception {
        JsonNode profile = sample.assessment();
        ObjectNode request = BenchHttp.JSON.createObjectNode();
        request.put("name", "Benchmark assessment " + sequence.incrementAndGet());
        request.set("catalogId", profile.path("catalogId"));
        request.set("catalogVersion", profile.path("catalogVersion"));
        request.set("targetMaturity", profile.path("targetMaturity"));
        request.set("startDate", profile.path("startDate"));
        request.set("dueDate", profile.path("endDate"));
        request.set("scope", profile.path("scope"));
        String base = stack.url("assessment-service") + "/api/v1/assessments";
        UUID id = UUID.fromString(http.postJson(base, token, request).body().path("id").asText());
        http.postJson(base + "/" + id + "/start", token, null);
        return id;
    }

    /** Returns the requirement references of an assessment's answers, in the service's order. */
    List<String> requirementRefs(UUID assessmentId, String token) throws Exception {
        List<String> refs = new ArrayList<>();
        for (JsonNode answer : http.get(assessmentUrl(assessmentId) + "/answers", token).body()) {
            refs.add(answer.path("requirementRef").asText());
        }
        return refs;
    }

    Connection reportingDatabase() throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(GapLensStack.database("reporting-service")),
                LocalPostgres.USER, "");
    }

    /** Waits until the reporting database holds {@code assessments} assessments of {@code tenant} with all requirement rows. */
    void awaitReportedAssessments(String tenant, int assessments, int requirementsEach, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection connection = reportingDatabase();
             PreparedStatement query = connection.prepareStatement("""
                     select (select count(*) from assessment_report where tenant_id = ?),
                            (select count(*) from requirement_result where tenant_id = ?)
                     """)) {
            query.setString(1, tenant);
            query.setString(2, tenant);
            long expectedRows = (long) assessments * requirementsEach;
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= assessments && row.getLong(2) >= expectedRows) {
                        return;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("reporting-service shows " + row.getLong(1) + " of " + assessments
                                + " assessments and " + row.getLong(2) + " of " + expectedRows + " requirement rows of tenant "
                                + tenant + " after " + timeout.toSeconds() + " s");
                    }
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Waits until reporting-service has applied no new event of {@code tenant} for three seconds, so
     * that the next measurement does not share the machine with the previous one's event backlog.
     */
    void awaitReportingQuiet(String tenant, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long last = -1;
        Instant stableSince = Instant.now();
        try (Connection connection = reportingDatabase();
             PreparedStatement query = connection.prepareStatement("select count(*) from applied_event where tenant_id = ?")) {
            query.setString(1, tenant);
            while (Instant.now().isBefore(deadline)) {
                long count;
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    count = row.getLong(1);
                }
                if (count != last) {
                    last = count;
                    stableSince = Instant.now();
                } else if (Duration.between(stableSince, Instant.now()).toMillis() >= 3_000) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        BenchmarkMain.log("NOTE: reporting-service was still applying events of " + tenant + " after "
                + timeout.toSeconds() + " s; the next figures share the machine with that backlog");
    }
}
