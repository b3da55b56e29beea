package io.gaplens.assessment.api;

import io.gaplens.platform.events.EventType;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.gaplens.assessment.AssessmentApi.BASE;
import static io.gaplens.assessment.AssessmentApi.answerJson;
import static io.gaplens.assessment.AssessmentApi.answerTag;
import static io.gaplens.assessment.AssessmentApi.assessor;
import static io.gaplens.assessment.AssessmentApi.createStarted;
import static io.gaplens.assessment.AssessmentApi.freshTenant;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two clients that read the same answer and write it back at the same moment with the same ETag:
 * exactly one write wins, the other gets 412 problem details, and the audit trail, the stored answer
 * and the outbox hold the winner's change only. The requests race for real, released together by a
 * barrier, so some rounds reach the database's version check rather than the ETag comparison.
 */
@QuarkusTest
@WithTestResource(value = GapLensTestInfrastructure.class,
        initArgs = @ResourceArg(name = GapLensTestInfrastructure.SERVICES_ARG, value = "catalog-service"))
class ConcurrentAnswerUpdateTest {

    /** Requirements raced once each. More rounds give more chances that both requests pass the ETag check before either commits. */
    private static final List<String> REFS = List.of(
            "A.5.1", "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.5.6", "A.5.7", "A.5.8", "A.5.9", "A.5.10",
            "A.5.11", "A.5.12", "A.5.13", "A.5.14", "A.5.15", "A.5.16", "A.5.17", "A.5.18", "A.5.19", "A.5.20");

    @TestHTTPResource("/")
    URL root;

    @Inject
    EntityManager entityManager;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void concurrentWritesWithSameETagOneWins() throws Exception {
        String tenant = freshTenant();
        String id = createStarted(tenant, 3);
        String token = assessor(tenant);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        int versionConflicts = 0;
        try {
            for (String ref : REFS) {
                String tag = answerTag(tenant, id, ref);
                String implemented = answerJson("IMPLEMENTED", 4, null);
                String notImplemented = answerJson("NOT_IMPLEMENTED", 0, null);

                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> first = clients.submit(() -> put(token, id, ref, tag, implemented, together));
                Future<HttpResponse<String>> second = clients.submit(() -> put(token, id, ref, tag, notImplemented, together));
                HttpResponse<String> a = first.get(30, TimeUnit.SECONDS);
                HttpResponse<String> b = second.get(30, TimeUnit.SECONDS);

                List<Integer> statuses = new ArrayList<>(List.of(a.statusCode(), b.statusCode()));
                statuses.sort(null);
                assertEquals(List.of(200, 412), statuses, ref + ": one write wins, the other is refused; bodies "
                        + a.body() + " / " + b.body());
                HttpResponse<String> loser = a.statusCode() == 412 ? a : b;
                assertEquals("application/problem+json", loser.headers().firstValue("Content-Type").orElse(""), ref);
                assertEquals(412, JsonPath.from(loser.body()).getInt("status"), ref);
                if (JsonPath.from(loser.body()).getString("detail").contains("at the same time")) {
                    versionConflicts++;
                }

                String winnerStatus = a.statusCode() == 200 ? "IMPLEMENTED" : "NOT_IMPLEMENTED";
                assertStoredOnce(tenant, id, ref, winnerStatus);
            }
        } finally {
            clients.shutdownNow();
        }

        // Which check refuses the loser depends on timing, so the split is reported, not asserted.
        System.out.printf("%d of %d rounds refused the loser at the database's version check, the others at the"
                + " ETag comparison%n", versionConflicts, REFS.size());
    }

    /** Sends one PUT with {@code tag} once both clients have reached the barrier. */
    private HttpResponse<String> put(String token, String id, String ref, String tag, String json,
                                     CyclicBarrier together) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(BASE.substring(1) + "/" + id + "/answers/" + ref))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", tag)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        together.await(10, TimeUnit.SECONDS);
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer holds the winner's status, at version 1, with one audit entry and one AnswerRecorded event. */
    private void assertStoredOnce(String tenant, String id, String ref, String winnerStatus) {
        JsonPath answer = given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/" + ref)
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(winnerStatus, answer.getString("status"), ref + ": the stored answer is the winner's");
        String etag = given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/" + ref)
                .then().extract().header("ETag");
        assertEquals("\"1\"", etag, ref + ": one write means one new version");

        List<String> history = given().auth().oauth2(assessor(tenant))
                .when().get(BASE + "/" + id + "/answers/" + ref + "/history")
                .then().statusCode(200)
                .extract().jsonPath().getList("newValue.status");
        assertEquals(List.of(winnerStatus), history, ref + ": the audit trail shows one change, the winner's");

        Number events = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery("""
                        select count(*) from gaplens_outbox
                        where ce_type = :type and ce_subject = :subject
                          and payload like :ref""")
                .setParameter("type", EventType.ANSWER_RECORDED.ceType())
                .setParameter("subject", UUID.fromString(id).toString())
                .setParameter("ref", "%\"" + ref + "\"%")
                .getSingleResult());
        assertEquals(1, events.intValue(), ref + ": one AnswerRecorded event waits in the outbox or was sent");
    }
}
