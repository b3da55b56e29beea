package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.scenario.GapLensStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends a corpus of bad requests, generated from the five OpenAPI documents, to every operation
 * of the running services, and proves three things. Every response is a 4xx problem
 * details response (never 2xx, 3xx or 5xx) whose {@code status} matches the HTTP status, and a 400 with
 * field errors names the field that the case broke. No row in any service database changes.
 * Every operation gets input cases, so a new endpoint cannot be left out.
 *
 * <p>The count of cases per operation, by status, is printed and written to
 * {@code target/bad-request-corpus.md}.
 */
@ExtendWith(StackExtension.class)
class BadRequestCorpusTest {

    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(120);
    private static final Path REPORT = Path.of("target", "bad-request-corpus.md");

    private final GapLensStack stack;
    private final CorpusHttp http = new CorpusHttp();

    BadRequestCorpusTest(GapLensStack stack) {
        this.stack = stack;
    }

    /** The outcome of one case: the status, and why it failed or null. */
    private record Outcome(BadRequest request, int status, String failure) {
    }

    @Test
    void badRequestsGetProblemDetailsAndChangeNothing() throws Exception {
        CorpusFixture fixture = CorpusFixture.create(stack, http, Path.of("..", "deploy", "sample"));
        DatabaseFingerprint.awaitQuiet(stack, QUIET_TIMEOUT);

        BadRequestCorpus corpus = new BadRequestCorpus(stack, fixture, Path.of("..", "docs", "api"));
        List<BadRequest> requests = corpus.build();
        DatabaseFingerprint before = DatabaseFingerprint.take(stack);

        long started = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        for (BadRequest request : requests) {
            outcomes.add(send(request));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        DatabaseFingerprint after = DatabaseFingerprint.awaitQuiet(stack, QUIET_TIMEOUT);
        writeReport(corpus.operations(), outcomes, elapsed);

        List<String> failures = outcomes.stream().filter(outcome -> outcome.failure() != null)
                .map(outcome -> outcome.request().operation() + " [" + outcome.request().name() + "]: "
                        + outcome.failure())
                .toList();
        List<String> changed = before.changedTables(after);
        assertAll(
                () -> assertTrue(corpus.problems().isEmpty(),
                        "Operations without cases:\n" + String.join("\n", corpus.problems())),
                () -> assertTrue(failures.isEmpty(), failures.size() + " of " + outcomes.size()
                        + " bad requests were not answered with the expected problem details:\n"
                        + String.join("\n", failures)),
                () -> assertTrue(changed.isEmpty(), "Bad requests changed " + changed.size() + " tables:\n"
                        + String.join("\n", changed)));
    }

    private Outcome send(BadRequest request) {
        CorpusHttp.Response answer;
        try {
            answer = request.declaredLength() > 0
                    ? http.sendDeclaredLength(request.method(), request.url(), request.headers(), request.declaredLength())
                    : http.send(request.method(), request.url(), request.headers(), request.body());
        } catch (IOException e) {
            return new Outcome(request, 0, "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, 0, "interrupted");
        }
        return new Outcome(request, answer.status(), check(request, answer));
    }

    /** Returns why {@code answer} is wrong for {@code request}, or null when it is right. */
    private static String check(BadRequest request, CorpusHttp.Response answer) {
        int status = answer.status();
        String excerpt = excerpt(answer);
        if (status < 400 || status >= 500) {
            return "status " + status + ", expected 4xx: " + excerpt;
        }
        if (request.expectedStatus() != 0 && status != request.expectedStatus()) {
            return "status " + status + ", expected " + request.expectedStatus() + ": " + excerpt;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "status " + status + " with Content-Type '" + answer.contentType()
                    + "', expected application/problem+json: " + excerpt;
        }
        JsonNode problem;
        try {
            problem = answer.json();
        } catch (IOException e) {
            return "status " + status + " with a body that is not JSON: " + excerpt;
        }
        if (!problem.path("type").isTextual() || !problem.path("title").isTextual()) {
            return "status " + status + " without type or title: " + excerpt;
        }
        if (problem.path("status").asInt() != status) {
            return "status " + status + " but the body says " + problem.path("status") + ": " + excerpt;
        }
        if (request.field() != null && status == 400 && problem.path("errors").size() > 0
                && !namesField(problem.path("errors"), request.field())) {
            return "status 400 names no error for " + request.field() + ": " + excerpt;
        }
        return null;
    }

    /**
     * Tells whether a field error names {@code field} or a part of it, ignoring list indexes: a case
     * that breaks {@code scope.assets[0].criticality} accepts any error whose field contains
     * {@code criticality}, such as {@code scope.assets.criticality} or {@code criticality}.
     */
    private static boolean namesField(JsonNode errors, String field) {
        String path = field.replaceAll("\\[\\d+]", "");
        String leaf = path.substring(path.lastIndexOf('.') + 1);
        for (JsonNode error : errors) {
            if (error.path("field").asText().contains(leaf)) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(CorpusHttp.Response answer) {
        String text = answer.text().replaceAll("\\s+", " ");
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    /** Prints and writes the count of cases per operation, by status. */
    private static void writeReport(List<String> operations, List<Outcome> outcomes, Duration elapsed)
            throws IOException {
        Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
        for (String operation : operations) {
            byOperation.put(operation, new TreeMap<>());
        }
        for (Outcome outcome : outcomes) {
            byOperation.computeIfAbsent(outcome.request().operation(), key -> new TreeMap<>())
                    .merge(outcome.status(), 1, Integer::sum);
        }

        Map<Integer, Integer> totals = new TreeMap<>();
        StringBuilder table = new StringBuilder();
        table.append("# Bad-request corpus\n\n")
                .append(outcomes.size()).append(" cases on ").append(operations.size()).append(" operations, sent in ")
                .append(elapsed.toMillis()).append(" ms. Status 0 means no response.\n\n")
                .append("| Operation | Cases | By status |\n| --- | ---: | --- |\n");
        for (Map.Entry<String, Map<Integer, Integer>> row : byOperation.entrySet()) {
            int count = row.getValue().values().stream().mapToInt(Integer::intValue).sum();
            row.getValue().forEach((status, n) -> totals.merge(status, n, Integer::sum));
            table.append("| `").append(row.getKey()).append("` | ").append(count).append(" | ")
                    .append(statuses(row.getValue())).append(" |\n");
        }
        table.append("| **Total** | **").append(outcomes.size()).append("** | ").append(statuses(totals)).append(" |\n");

        System.out.println(table);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table, StandardCharsets.UTF_8);
    }

    private static String statuses(Map<Integer, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(status + ": " + count));
        return String.join(", ", parts);
    }
}
