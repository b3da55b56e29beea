package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.scenario.GapLensStack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.gaplens.system.CorpusHttp.JSON;
import static io.gaplens.system.CorpusHttp.encode;

/**
 * The data that the bad-request corpus needs, made through the real APIs: for each of two
 * tenants a published custom catalogue with a mapping, a started assessment with a few answers
 * (so that risk, remediation and reporting services build risks, actions and reports from the
 * events), an interview, a document review, a threat and a vulnerability.
 *
 * <p>Requests that name the fixture's resources reach input validation instead of stopping at
 * 404; the second tenant's ids stand for other tenants' ids, which must answer 404.
 */
final class CorpusFixture {

    /** The shipped ISO/IEC 27001 edition, readable by every tenant, on which the assessments run. */
    static final String ISO_CATALOG = "iso-iec-27001";
    static final String ISO_VERSION = "2022";
    static final String CATALOG_VERSION = "1";
    /** The requirement with a recorded answer that the answer endpoints name. */
    static final String ANSWERED_REF = "A.5.7";
    /** The custom catalogue's requirement that the catalogue endpoints name. */
    static final String CONTROL_REF = "ISP-01";
    static final String EXPORT_KIND = "gaps.csv";

    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);
    private static final String[] ROLES = {"admin", "assessor", "risk-manager", "remediation-owner"};

    /** One tenant's resources. */
    record Tenant(String name, String token, String catalogId, String assessmentId, String riskId,
                  String actionId, String secondActionId, String threatId, String vulnerabilityId) {
    }

    private final GapLensStack stack;
    private final CorpusHttp http;
    final Tenant main;
    final Tenant other;

    private CorpusFixture(GapLensStack stack, CorpusHttp http, Tenant main, Tenant other) {
        this.stack = stack;
        this.http = http;
        this.main = main;
        this.other = other;
    }

    static CorpusFixture create(GapLensStack stack, CorpusHttp http, Path sample) throws Exception {
        Tenant main = tenant(stack, http, sample, "corpus");
        Tenant other = tenant(stack, http, sample, "corpus-other");
        return new CorpusFixture(stack, http, main, other);
    }

    private static Tenant tenant(GapLensStack stack, CorpusHttp http, Path sample, String name) throws Exception {
        String token = stack.token(name, ROLES);
        String catalog = stack.url("catalog-service") + "/api/v1/catalogs";
        String assessment = stack.url("assessment-service") + "/api/v1/assessments";
        String risk = stack.url("risk-service") + "/api/v1";
        String remediation = stack.url("remediation-service") + "/api/v1";
        String reporting = stack.url("reporting-service") + "/api/v1/reports/assessments";

        String catalogId = name + "-controls";
        http.upload("POST", catalog + "?format=internal-controls&catalogId=" + catalogId + "&version=" + CATALOG_VERSION
                        + "&title=" + encode("Corpus controls"), token, "text/csv; charset=utf-8",
                Files.readAllBytes(sample.resolve("internal-controls.csv")));
        http.call("POST", catalog + "/" + catalogId + "/versions/" + CATALOG_VERSION + "/publication", token, null);
        http.upload("POST", catalog + "/" + catalogId + "/versions/" + CATALOG_VERSION + "/mappings", token,
                "text/csv; charset=utf-8", Files.readAllBytes(sample.resolve("internal-control-mapping.csv")));

        String assessmentId = http.call("POST", assessment, token, validAssessment()).json().path("id").asText();
        http.call("POST", assessment + "/" + assessmentId + "/start", token, null);
        String answers = """
                requirement,status,maturity,justification,inclusion_reasons,notes,evidence_title,evidence_reference,evidence_owner,evidence_collected_on
                A.5.1,Implemented,3,,risk assessment,Policy set approved.,,,,
                A.5.7,Not implemented,1,,risk assessment,No threat intelligence source is followed.,,,,
                A.8.7,Partially implemented,2,,risk assessment,Anti-malware on laptops only.,,,,
                9.2.1,Not implemented,1,,,No internal audit programme.,,,,
                """;
        http.upload("POST", assessment + "/" + assessmentId + "/answers/import", token, "text/csv; charset=utf-8",
                answers.getBytes(StandardCharsets.UTF_8));
        http.call("POST", assessment + "/" + assessmentId + "/interviews", token, validInterview());
        http.call("POST", assessment + "/" + assessmentId + "/document-reviews", token, validDocumentReview());

        String threatId = http.call("POST", risk + "/threats", token, validFactor("Phishing")).json().path("id").asText();
        String vulnerabilityId = http.call("POST", risk + "/vulnerabilities", token, validFactor("Unpatched laptops"))
                .json().path("id").asText();

        // The gaps travel as events to the risk, remediation and reporting services.
        JsonNode risks = await(http, risk + "/risks?assessmentId=" + assessmentId, token,
                page -> page.path("items").size() >= 2);
        JsonNode actions = await(http, remediation + "/remediation-actions?assessmentId=" + assessmentId, token,
                page -> page.path("items").size() >= 2);
        await(http, reporting + "/" + assessmentId + "/gaps", token,
                page -> page.path("items").size() >= 3);

        return new Tenant(name, token, catalogId, assessmentId, risks.path("items").get(0).path("id").asText(),
                actions.path("items").get(0).path("id").asText(), actions.path("items").get(1).path("id").asText(),
                threatId, vulnerabilityId);
    }

    /** Polls a GET once a second until its JSON body matches, or fails after {@link #PIPELINE_TIMEOUT}. */
    private static JsonNode await(CorpusHttp http, String url, String token, Predicate<JsonNode> ready) throws Exception {
        Instant deadline = Instant.now().plus(PIPELINE_TIMEOUT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            CorpusHttp.Response answer = http.send("GET", url, Map.of("Authorization", "Bearer " + token), null);
            last = answer.status() + " " + answer.text();
            if (answer.status() == 200 && ready.test(answer.json())) {
                return answer.json();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Timed out after " + PIPELINE_TIMEOUT.toSeconds() + " s waiting for " + url
                + "; last answer: " + last);
    }

    /**
     * Returns the value of path parameter {@code name} in {@code path} for {@code tenant}, so that
     * a request names an existing resource. {@code {id}} means a different resource per path.
     */
    static String pathValue(Tenant tenant, String service, String path, String name) {
        return switch (name) {
            case "assessmentId" -> tenant.assessmentId();
            case "catalogId" -> tenant.catalogId();
            case "version" -> CATALOG_VERSION;
            case "ref" -> service.equals("catalog-service") ? CONTROL_REF : ANSWERED_REF;
            case "kind" -> EXPORT_KIND;
            case "threatId" -> tenant.threatId();
            case "vulnerabilityId" -> tenant.vulnerabilityId();
            case "dependsOnId" -> tenant.secondActionId();
            case "id" -> {
                if (path.startsWith("/api/v1/assessments/")) {
                    yield tenant.assessmentId();
                } else if (path.startsWith("/api/v1/remediation-actions/")) {
                    yield tenant.actionId();
                } else if (path.startsWith("/api/v1/risks/")) {
                    yield tenant.riskId();
                } else if (path.startsWith("/api/v1/threats/")) {
                    yield tenant.threatId();
                } else if (path.startsWith("/api/v1/vulnerabilities/")) {
                    yield tenant.vulnerabilityId();
                }
                throw new IllegalArgumentException("No fixture value for {id} in " + path);
            }
            default -> throw new IllegalArgumentException("No fixture value for path parameter {" + name + "} in "
                    + path + ": add one to CorpusFixture.pathValue");
        };
    }

    /**
     * Returns a valid JSON body for an operation, which the corpus breaks one way at a time. The
     * fixture never sends these bodies to the operations under test, so nothing changes.
     */
    JsonNode validBody(String method, String path) {
        return switch (method + " " + path) {
            case "POST /api/v1/catalogs" -> JSON.createObjectNode()
                    .put("catalogId", "corpus-never-created").put("version", "1").put("title", "Never created")
                    .set("requirements", JSON.createArrayNode().add(JSON.createObjectNode()
                            .put("ref", "NC-1").put("kind", "CONTROL").put("title", "Never created control")));
            case "POST /api/v1/assessments" -> validAssessment();
            case "PUT /api/v1/assessments/{id}" -> validAssessment().without(List.of("catalogId", "catalogVersion"));
            case "POST /api/v1/assessments/{id}/reassessments" -> JSON.createObjectNode()
                    .put("name", "Re-assessment").put("startDate", "2026-11-02").put("dueDate", "2026-11-30")
                    .put("targetMaturity", 3);
            case "POST /api/v1/assessments/{id}/answers/import" -> JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("requirement", ANSWERED_REF).put("status", "IMPLEMENTED").put("maturity", 3)
                    .put("answeredAt", "2026-09-20T10:00:00+02:00")
                    .set("inclusionReasons", JSON.createArrayNode().add("RISK_ASSESSMENT")));
            case "PUT /api/v1/assessments/{id}/answers/{ref}" -> JSON.createObjectNode()
                    .put("status", "IMPLEMENTED").put("maturity", 3).put("answeredAt", "2026-09-20T10:00:00+02:00")
                    .set("inclusionReasons", JSON.createArrayNode().add("RISK_ASSESSMENT"));
            case "POST /api/v1/assessments/{id}/interviews" -> validInterview();
            case "POST /api/v1/assessments/{id}/document-reviews" -> validDocumentReview();
            case "POST /api/v1/remediation-actions" -> JSON.createObjectNode()
                    .put("assessmentId", main.assessmentId()).put("title", "Never created action")
                    .put("dueDate", "2026-12-01").put("priority", 5).put("riskLevel", "HIGH")
                    .set("requirementRefs", JSON.createArrayNode().add(ANSWERED_REF));
            case "PATCH /api/v1/remediation-actions/{id}" -> JSON.createObjectNode()
                    .put("title", "Renamed").put("priority", 4).put("dueDate", "2026-12-02")
                    .put("dueDateReason", "Supplier delay");
            case "POST /api/v1/remediation-actions/{id}/dependencies" -> JSON.createObjectNode()
                    .put("dependsOn", main.secondActionId());
            case "POST /api/v1/remediation-actions/{id}/requirements" -> JSON.createObjectNode()
                    .set("requirementRefs", JSON.createArrayNode().add("A.8.7"));
            case "POST /api/v1/remediation-actions/{id}/split" -> {
                ArrayNode parts = JSON.createArrayNode();
                parts.add(JSON.createObjectNode().put("title", "First part")
                        .set("requirementRefs", JSON.createArrayNode().add(ANSWERED_REF)));
                parts.add(JSON.createObjectNode().put("title", "Second part")
                        .set("requirementRefs", JSON.createArrayNode().add(ANSWERED_REF)));
                yield JSON.createObjectNode().set("parts", parts);
            }
            case "POST /api/v1/remediation-actions/{id}/status" -> JSON.createObjectNode()
                    .put("status", "BLOCKED").put("reason", "Waiting for budget").put("at", "2026-10-01T09:00:00+02:00");
            case "PUT /api/v1/remediation-settings" -> {
                ObjectNode settings = JSON.createObjectNode().put("timeZone", "Europe/Berlin");
                settings.set("dueDays", JSON.createObjectNode().put("critical", 14).put("high", 30)
                        .put("medium", 90).put("low", 180));
                settings.set("phases", JSON.createObjectNode().put("critical", 1).put("high", 1)
                        .put("medium", 2).put("low", 3).put("monitoring", 3));
                settings.set("monitoringRequirements", JSON.createArrayNode().add("9.1"));
                yield settings;
            }
            case "PUT /api/v1/assessment-scopes/{assessmentId}" -> JSON.createObjectNode().put("criticality", "HIGH");
            case "PUT /api/v1/risk-methods/current" -> {
                ObjectNode riskMethod = JSON.createObjectNode();
                riskMethod.set("likelihoodScale", JSON.createArrayNode().add("Rare").add("Possible").add("Likely"));
                riskMethod.set("impactScale", JSON.createArrayNode().add("Minor").add("Major").add("Severe"));
                riskMethod.set("levels", JSON.createArrayNode().add("LOW").add("MEDIUM").add("HIGH"));
                riskMethod.set("thresholds", JSON.createArrayNode()
                        .add(JSON.createObjectNode().put("level", "MEDIUM").put("minScore", 3))
                        .add(JSON.createObjectNode().put("level", "HIGH").put("minScore", 6)));
                yield riskMethod;
            }
            case "PATCH /api/v1/risks/{id}" -> JSON.createObjectNode()
                    .put("likelihood", 2).put("impact", 2).put("rationale", "Compensating control in place");
            case "PUT /api/v1/risks/{id}/treatment" -> JSON.createObjectNode()
                    .put("option", "ACCEPT").put("owner", "CISO").put("approver", "Board")
                    .put("rationale", "Low exposure").put("decidedOn", "2026-10-01").put("expiresOn", "2027-10-01");
            case "POST /api/v1/threats", "PUT /api/v1/threats/{id}",
                 "POST /api/v1/vulnerabilities", "PUT /api/v1/vulnerabilities/{id}" -> validFactor("Renamed factor");
            default -> throw new IllegalArgumentException("No valid JSON body for " + method + " " + path
                    + ": add one to CorpusFixture.validBody");
        };
    }

    /**
     * Returns the ETag of the resource that {@code path} changes, read by a GET of the nearest
     * path that has one, so that body cases pass the If-Match check and reach body validation.
     */
    String etag(String service, String filledPath, List<String> gettablePaths, String path) throws Exception {
        List<String> segments = new ArrayList<>(List.of(path.split("/")));
        List<String> filled = new ArrayList<>(List.of(filledPath.split("/")));
        while (!segments.isEmpty()) {
            String candidate = String.join("/", segments);
            if (gettablePaths.contains(candidate)) {
                String url = stack.url(service) + String.join("/", filled);
                CorpusHttp.Response answer = http.send("GET", url, Map.of("Authorization", "Bearer " + main.token()),
                        null);
                if (answer.status() != 200 || answer.etag() == null) {
                    throw new IllegalStateException("GET " + url + " returned " + answer.status()
                            + " without an ETag: " + answer.text());
                }
                return answer.etag();
            }
            segments.remove(segments.size() - 1);
            filled.remove(filled.size() - 1);
        }
        throw new IllegalStateException("No GET operation reads the resource of " + path);
    }

    private static ObjectNode validAssessment() {
        ObjectNode assessment = JSON.createObjectNode()
                .put("name", "Corpus assessment").put("catalogId", ISO_CATALOG).put("catalogVersion", ISO_VERSION)
                .put("targetMaturity", 3).put("startDate", "2026-09-14").put("dueDate", "2026-10-09");
        ObjectNode scope = assessment.putObject("scope");
        scope.putArray("businessUnits").add("Operations");
        scope.putArray("processes").add("Order intake");
        scope.putArray("locations").add("Head office");
        scope.putArray("assets").addObject().put("name", "Warehouse system").put("criticality", "HIGH");
        scope.putArray("exclusions").addObject().put("item", "Canteen").put("justification", "No information assets");
        return assessment;
    }

    private static ObjectNode validInterview() {
        ObjectNode interview = JSON.createObjectNode().put("intervieweeRole", "CISO").put("heldOn", "2026-09-15")
                .put("notes", "Walked through the policy set");
        interview.putArray("topics").add("Policies");
        interview.putArray("requirementRefs").add("A.5.1");
        return interview;
    }

    private static ObjectNode validDocumentReview() {
        ObjectNode review = JSON.createObjectNode().put("document", "Information security policy").put("version", "3.2")
                .put("reviewedOn", "2026-09-14");
        review.putArray("requirementRefs").add("A.5.1");
        return review;
    }

    private static ObjectNode validFactor(String name) {
        return JSON.createObjectNode().put("name", name).put("description", "Seen in the corpus fixture")
                .put("likelihoodAdjustment", 1);
    }
}
