package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaplens.scenario.GapLensStack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.gaplens.system.CorpusHttp.JSON;
import static io.gaplens.system.CorpusHttp.encode;

/**
 * Builds the bad-request corpus from the services' OpenAPI documents: for every operation, cases
 * for its path parameters, query parameters and request body, plus authentication cases. Each
 * case breaks one thing and keeps everything else valid (fixture ids, a current If-Match, a valid
 * body), so that it reaches the check it targets.
 */
final class BadRequestCorpus {

    static final String SQL = "1' OR '1'='1";
    static final String FORMULA = "=HYPERLINK(\"x\")";
    /** Above the maximum body size of 10 MiB that every service sets. */
    static final int OVERSIZED_BODY_BYTES = 10 * 1024 * 1024 + 1;
    /** Long, yet short enough that the request line stays below the server's 4096-byte limit. */
    private static final int OVERLONG_ID_LENGTH = 3000;
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    /**
     * Invalid values for each query parameter name. The OpenAPI documents type every query
     * parameter as a string, so the expected type comes from this table. A new parameter name
     * fails the corpus until it is added here. Free-text filters map to an empty list, because
     * any text is a valid filter for them.
     */
    private static final Map<String, List<String>> QUERY_VALUES = Map.ofEntries(
            Map.entry("page", List.of("abc", "-1", "2147483648", "1e400", "1.5", FORMULA)),
            Map.entry("size", List.of("0", "-1", "2147483648", "1000000", "abc")),
            Map.entry("status", List.of("NOT_A_STATUS", SQL, FORMULA)),
            // Risk levels are the labels of each tenant's risk method, so any text is a valid level filter.
            Map.entry("level", List.of()),
            // Groups and sections are clause or theme references, and an unknown one matches nothing.
            Map.entry("group", List.of()),
            Map.entry("gap", List.of("maybe", "2")),
            Map.entry("kind", List.of("NOT_A_KIND", SQL)),
            Map.entry("assessable", List.of("maybe", "2")),
            Map.entry("annexA", List.of("maybe")),
            Map.entry("phase", List.of("0", "4", "abc", "2147483648")),
            Map.entry("assessmentId", List.of("not-a-uuid", SQL, FORMULA)),
            Map.entry("target", List.of("no-version", "unknown-catalog:1", FORMULA)),
            Map.entry("from", List.of("99", SQL)),
            Map.entry("to", List.of("99", SQL)),
            Map.entry("format", List.of("NOT_A_FORMAT", SQL)),
            Map.entry("catalogId", List.of(SQL, FORMULA)),
            Map.entry("version", List.of(SQL, FORMULA)),
            Map.entry("attribute", List.of("no-separator")),
            Map.entry("section", List.of()),
            Map.entry("owner", List.of()),
            Map.entry("q", List.of()),
            Map.entry("requirementRef", List.of()),
            Map.entry("title", List.of()),
            Map.entry("publisher", List.of()));

    /**
     * Fields that an operation requires although its schema has no {@code required} list, because
     * the service checks them in code. An operation listed here also gets a {@code {}} body case.
     */
    private static final Map<String, List<String>> REQUIRED_IN_CODE = Map.ofEntries(
            Map.entry("POST /api/v1/assessments", List.of("name", "catalogId", "catalogVersion")),
            Map.entry("POST /api/v1/assessments/{id}/interviews", List.of("intervieweeRole", "heldOn", "requirementRefs")),
            Map.entry("POST /api/v1/assessments/{id}/document-reviews", List.of("document", "reviewedOn", "requirementRefs")),
            Map.entry("POST /api/v1/threats", List.of("name", "likelihoodAdjustment")),
            Map.entry("PUT /api/v1/threats/{id}", List.of("name", "likelihoodAdjustment")),
            Map.entry("POST /api/v1/vulnerabilities", List.of("name", "likelihoodAdjustment")),
            Map.entry("PUT /api/v1/vulnerabilities/{id}", List.of("name", "likelihoodAdjustment")),
            Map.entry("PUT /api/v1/risks/{id}/treatment", List.of("option", "decidedOn", "approver", "expiresOn")),
            Map.entry("PATCH /api/v1/risks/{id}", List.of()),
            Map.entry("PUT /api/v1/risk-methods/current", List.of("likelihoodScale", "impactScale", "levels", "thresholds")),
            Map.entry("PUT /api/v1/assessment-scopes/{assessmentId}", List.of("criticality")),
            Map.entry("POST /api/v1/catalogs", List.of("catalogId", "version", "requirements")));

    /** String properties whose value must name something that exists or follows a format. */
    private static final Map<String, List<String>> REFERENCE_VALUES = Map.of(
            // Unknown to an assessment, and not a valid new id in a catalogue import.
            "catalogId", List.of("Unknown Catalog", SQL, FORMULA),
            "catalogVersion", List.of("99", SQL),
            "requirement", List.of("Z.99.99", FORMULA, SQL),
            "timeZone", List.of("Mars/Olympus", SQL, "+25:00"),
            "parent", List.of("Z.99.99"),
            "ref", List.of(FORMULA, SQL),
            "kind", List.of("NOT_A_KIND", FORMULA),
            "level", List.of("NOT_A_LEVEL", FORMULA));

    /**
     * Operations whose references need not exist yet. The remediation service learns of
     * assessments and gaps from events, so it accepts a user's action for an assessment or
     * requirement that it has not heard of. The action joins the plan when the events arrive.
     */
    private static final Set<String> USER_ACTIONS = Set.of("POST /api/v1/remediation-actions",
            "POST /api/v1/remediation-actions/{id}/requirements");

    /** String array properties whose elements must be known requirement references. */
    private static final Set<String> REFERENCE_ARRAYS = Set.of("requirementRefs");

    /** CSV payloads per operation that takes text/csv: a valid header and a valid data row. */
    private record CsvShape(String query, String header, String row, int referenceColumn) {
    }

    private final GapLensStack stack;
    private final CorpusFixture fixture;
    private final Path apiDirectory;
    private final List<BadRequest> cases = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    BadRequestCorpus(GapLensStack stack, CorpusFixture fixture, Path apiDirectory) {
        this.stack = stack;
        this.fixture = fixture;
        this.apiDirectory = apiDirectory;
    }

    /** Returns every operation of the five OpenAPI documents as {@code METHOD /path}, in document order. */
    List<String> operations() {
        return operations;
    }

    /** Operations that take input (path, query or body) but got no input case, and unknown parameters. */
    List<String> problems() {
        return problems;
    }

    List<BadRequest> build() throws Exception {
        for (String service : GapLensStack.SERVICES) {
            JsonNode document = JSON.readTree(Files.readAllBytes(apiDirectory.resolve(service + ".openapi.json")));
            List<String> gettable = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(path -> {
                if (path.getValue().has("get")) {
                    gettable.add(path.getKey());
                }
            });
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    if (!Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                        continue;
                    }
                    operation(service, document, gettable, method.getKey().toUpperCase(), path.getKey(), method.getValue());
                }
            }
            serviceCases(service);
        }
        return cases;
    }

    private void operation(String service, JsonNode document, List<String> gettable, String method, String path,
                           JsonNode spec) throws Exception {
        String key = method + " " + path;
        operations.add(key);
        Operation op = new Operation(service, document, method, path, spec);
        op.filledPath = fill(op, Map.of());
        boolean takesIfMatch = false;
        boolean takesInput = false;
        for (JsonNode parameter : spec.path("parameters")) {
            takesIfMatch |= parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("If-Match");
            takesInput |= !parameter.path("in").asText().equals("header");
        }
        takesInput |= spec.has("requestBody");
        if (takesIfMatch) {
            op.etag = fixture.etag(service, op.filledPath, gettable, path);
        }
        // Authentication, path and query cases carry a valid body. Where an operation takes CSV, that is
        // a CSV body, because the query parameters of a catalogue import apply to CSV only.
        JsonNode content = spec.path("requestBody").path("content");
        if (content.has("application/json")) {
            op.validBody = fixture.validBody(method, path);
            op.contentType = "application/json";
            op.body = JSON.writeValueAsBytes(op.validBody);
        }
        if (content.has("text/csv")) {
            op.csv = csvShape(key);
            op.contentType = "text/csv; charset=utf-8";
            op.body = (op.csv.header() + "\n" + op.csv.row() + "\n").getBytes(StandardCharsets.UTF_8);
            op.query = op.csv.query();
        }
        if (key.equals("GET /api/v1/catalogs/{catalogId}/diff")) {
            // Both versions are required, so without them every case would stop at that check.
            op.query = "?from=" + CorpusFixture.CATALOG_VERSION + "&to=" + CorpusFixture.CATALOG_VERSION;
        }

        int before = cases.size();
        authCases(op);
        int afterAuth = cases.size();
        if (takesIfMatch) {
            add(op, "no If-Match header", method, url(op, op.filledPath, op.query), headers(op, token(), null, op.contentType),
                    op.body, null, 428);
            add(op, "stale If-Match header", method, url(op, op.filledPath, op.query),
                    headers(op, token(), "\"stale\"", op.contentType), op.body, null, 412);
        }
        pathCases(op);
        queryCases(op);
        if (op.validBody != null) {
            jsonBodyCases(op);
        }
        if (op.csv != null) {
            csvBodyCases(op);
        }
        int inputs = cases.size() - afterAuth;
        if (takesInput && inputs == 0) {
            problems.add(key + " takes input but has no input case");
        }
        if (cases.size() == before) {
            problems.add(key + " has no case");
        }
    }

    /** Cases per service that no operation covers: unknown paths, wrong methods, oversized bodies. */
    private void serviceCases(String service) {
        String base = stack.url(service);
        String pseudo = service + " (no operation)";
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token());
        add(pseudo, "unknown path", "GET", base + "/api/v1/no-such-resource", auth, null, 0, null, 404);
        add(pseudo, "unknown path without token", "GET", base + "/api/v1/no-such-resource", Map.of(), null, 0, null, 0);
        String collection = switch (service) {
            case "catalog-service" -> "/api/v1/catalogs";
            case "assessment-service" -> "/api/v1/assessments";
            case "risk-service" -> "/api/v1/threats";
            case "remediation-service" -> "/api/v1/remediation-actions";
            default -> "/api/v1/reports/assessments";
        };
        add(pseudo, "DELETE on a collection", "DELETE", base + collection, auth, null, 0, null, 405);
        // NOTE: a request line above quarkus.http.limits.max-initial-line-length (4096 bytes) gets a 414
        // with an empty body from Vert.x while it decodes the request, before any route runs, so the
        // corpus keeps request lines below that limit.
        if (service.equals("reporting-service")) {
            // The reporting service takes no request body anywhere, but the size limit applies to every path.
            add("POST /api/v1/reports/rebuild", "body above 10 MiB", "POST", base + "/api/v1/reports/rebuild",
                    Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json"), null,
                    OVERSIZED_BODY_BYTES, null, 413);
        }
    }

    private void authCases(Operation op) {
        String url = url(op, op.filledPath, op.query);
        String valid = token();
        String badSignature = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        add(op, "no token", op.method, url, headers(op, null, op.etag, op.contentType), op.body, null, 401);
        add(op, "token with a bad signature", op.method, url, headers(op, badSignature, op.etag, op.contentType), op.body,
                null, 401);
        add(op, "token without roles", op.method, url,
                headers(op, stack.token(fixture.main.name()), op.etag, op.contentType), op.body, null, 403);
    }

    private void pathCases(Operation op) {
        for (JsonNode parameter : op.spec.path("parameters")) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            boolean uuid = parameter.path("schema").path("$ref").asText().endsWith("/UUID")
                    || name.endsWith("Id") || name.equals("id");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("unknown", uuid && !name.equals("catalogId") ? UUID.randomUUID().toString() : "corpus-unknown");
            values.put("SQL-looking", encode(SQL));
            values.put("formula-looking", encode(FORMULA));
            values.put(OVERLONG_ID_LENGTH + " characters", "a".repeat(OVERLONG_ID_LENGTH));
            values.put("invalid UTF-8 %C3%28", "%C3%28");
            values.put("invalid UTF-8 %FF", "%FF");
            for (Map.Entry<String, String> value : values.entrySet()) {
                String path = fill(op, Map.of(name, value.getValue()));
                add(op, "path {" + name + "} " + value.getKey(), op.method, url(op, path, op.query),
                        headers(op, token(), op.etag, op.contentType), op.body, null, 0);
            }
            if (!Set.of("version", "ref", "kind").contains(name)) {
                String otherValue = CorpusFixture.pathValue(fixture.other, op.service, op.path, name);
                String path = fill(op, Map.of(name, encode(otherValue)));
                add(op, "path {" + name + "} of another tenant", op.method, url(op, path, op.query),
                        headers(op, token(), op.etag, op.contentType), op.body, null, 404);
            }
        }
    }

    private void queryCases(Operation op) {
        for (JsonNode parameter : op.spec.path("parameters")) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            List<String> values = QUERY_VALUES.get(name);
            if (values == null) {
                problems.add(op.key() + " has query parameter '" + name + "' without invalid values:"
                        + " add it to BadRequestCorpus.QUERY_VALUES");
                continue;
            }
            for (String value : values) {
                String query = replaceQuery(op.query, name, value);
                add(op, "query " + name + "=" + value, op.method, url(op, op.filledPath, query),
                        headers(op, token(), op.etag, op.contentType), op.body, null, 0);
            }
        }
    }

    private void jsonBodyCases(Operation op) throws IOException {
        String url = url(op, op.filledPath, "");
        Map<String, String> json = headers(op, token(), op.etag, "application/json");
        byte[] valid = JSON.writeValueAsBytes(op.validBody);
        String text = new String(valid, StandardCharsets.UTF_8);

        body(op, "body not JSON", url, json, "this is not JSON".getBytes(StandardCharsets.UTF_8), null);
        body(op, "body truncated JSON", url, json, text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8),
                null);
        body(op, "body with invalid UTF-8", url, json, withInvalidUtf8(text), null);
        body(op, "body empty", url, json, new byte[0], null);
        JsonNode swapped = op.validBody.isArray() ? op.validBody.get(0) : JSON.createArrayNode().add(op.validBody);
        body(op, "body " + (op.validBody.isArray() ? "object instead of array" : "array instead of object"), url, json,
                JSON.writeValueAsBytes(swapped), null);
        body(op, "body JSON null", url, json, "null".getBytes(StandardCharsets.UTF_8), null);
        add(op, "Content-Type text/plain", op.method, url, headers(op, token(), op.etag, "text/plain"), valid, null, 415);
        add(op, "Content-Type application/xml", op.method, url, headers(op, token(), op.etag, "application/xml"), valid,
                null, 415);

        JsonNode schema = op.requestSchema("application/json");
        JsonNode objectSchema = op.validBody.isArray() ? op.resolve(schema.path("items")) : op.resolve(schema);
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(field -> required.add(field.asText()));
        List<String> inCode = REQUIRED_IN_CODE.get(op.key());
        if (inCode != null) {
            required.addAll(inCode.stream().filter(field -> !required.contains(field)).toList());
        }
        if (!required.isEmpty() || inCode != null) {
            body(op, "body {}", url, json, op.validBody.isArray() ? "[{}]".getBytes(StandardCharsets.UTF_8)
                    : "{}".getBytes(StandardCharsets.UTF_8), null);
        }
        for (String field : required) {
            JsonNode broken = op.validBody.deepCopy();
            ObjectNode target = (ObjectNode) (broken.isArray() ? broken.get(0) : broken);
            target.remove(field);
            body(op, "body without required " + field, url, json, JSON.writeValueAsBytes(broken), field);
        }

        List<Object> root = op.validBody.isArray() ? List.of(0) : List.of();
        propertyCases(op, url, json, objectSchema, root);
        oversized(op, url, json);
    }

    /** Adds wrong-type and out-of-range cases for each property of {@code schema}, one level into objects and arrays. */
    private void propertyCases(Operation op, String url, Map<String, String> headers, JsonNode schema, List<Object> at)
            throws IOException {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String name = property.getKey();
            List<Object> path = new ArrayList<>(at);
            path.add(name);
            String field = fieldName(path);
            JsonNode declared = property.getValue();
            String ref = declared.path("$ref").asText();
            JsonNode resolved = op.resolve(declared);

            List<JsonNode> values = new ArrayList<>();
            if (ref.endsWith("/UUID")) {
                values.addAll(texts(SQL, FORMULA, "not-a-uuid"));
                if (!USER_ACTIONS.contains(op.key())) {
                    String otherTenants = name.equals("dependsOn") ? fixture.other.actionId() : fixture.other.assessmentId();
                    values.addAll(texts(UUID.randomUUID().toString(), otherTenants));
                }
                values.add(JSON.getNodeFactory().numberNode(12345));
            } else if (ref.endsWith("/LocalDate")) {
                values.addAll(texts("2026-02-30", "2026-13-01", "2026-02-28T24:00", "26-02-28", "=TODAY()", SQL));
                values.add(JSON.getNodeFactory().numberNode(20260101));
            } else if (ref.endsWith("/OffsetDateTime")) {
                values.addAll(texts("2026-03-10T12:15:50+25:00", "2026-03-10T24:00:00+01:00", "2026-03-10T12:15:50",
                        "2026-02-30T10:00:00Z", "=NOW()"));
            } else if (resolved.has("enum")) {
                values.addAll(texts(SQL, FORMULA, "NOT_A_VALUE"));
                values.add(JSON.getNodeFactory().numberNode(1));
                values.add(JSON.createObjectNode());
            } else if (resolved.path("type").asText().equals("integer")) {
                values.addAll(integerValues(name, resolved));
            } else if (resolved.path("type").asText().equals("boolean")) {
                values.add(JSON.getNodeFactory().textNode("maybe"));
                values.add(JSON.createObjectNode());
            } else if (resolved.path("type").asText().equals("string")) {
                values.add(JSON.createObjectNode());
                values.add(JSON.createArrayNode());
                values.addAll(texts(REFERENCE_VALUES.getOrDefault(name, List.of()).toArray(String[]::new)));
                if (resolved.has("maxLength")) {
                    values.add(JSON.getNodeFactory().textNode("x".repeat(resolved.path("maxLength").asInt() + 1)));
                }
                if (resolved.path("pattern").asText().equals("\\S")) {
                    values.add(JSON.getNodeFactory().textNode("   "));
                }
            } else if (resolved.path("type").asText().equals("array")) {
                values.add(JSON.getNodeFactory().textNode("not an array"));
                values.add(JSON.createObjectNode());
                values.add(JSON.createArrayNode().add(JSON.createArrayNode()));
                if (REFERENCE_ARRAYS.contains(name)) {
                    if (!USER_ACTIONS.contains(op.key())) {
                        values.add(JSON.createArrayNode().add("Z.99.99"));
                    }
                    values.add(JSON.createArrayNode().add(FORMULA));
                    values.add(JSON.createArrayNode().add(SQL));
                }
                if (resolved.has("maxItems")) {
                    ArrayNode tooMany = JSON.createArrayNode();
                    for (int i = 0; i <= resolved.path("maxItems").asInt(); i++) {
                        tooMany.add("A.5.1");
                    }
                    values.add(tooMany);
                }
            } else if (resolved.path("type").asText().equals("object") && resolved.has("properties")) {
                values.add(JSON.getNodeFactory().textNode("not an object"));
                values.add(JSON.createArrayNode());
            }
            for (JsonNode value : values) {
                JsonNode broken = replace(op.validBody, path, value);
                if (broken != null) {
                    body(op, "body." + field + " = " + abbreviate(value.toString()), url, headers,
                            JSON.writeValueAsBytes(broken), field);
                }
            }

            // One level down: the properties of a nested object, or of the first element of an array of objects.
            JsonNode present = find(op.validBody, path);
            if (at.size() < 2 && present != null) {
                if (resolved.path("type").asText().equals("object") && present.isObject()) {
                    propertyCases(op, url, headers, resolved, path);
                } else if (resolved.path("type").asText().equals("array") && present.isArray() && !present.isEmpty()
                        && present.get(0).isObject()) {
                    List<Object> first = new ArrayList<>(path);
                    first.add(0);
                    propertyCases(op, url, headers, op.resolve(resolved.path("items")), first);
                }
            }
        }
    }

    private static List<JsonNode> integerValues(String name, JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(JSON.getNodeFactory().textNode("twelve"));
        values.add(JSON.createObjectNode());
        values.add(JSON.createArrayNode());
        values.add(JSON.getNodeFactory().booleanNode(true));
        values.add(JSON.getNodeFactory().numberNode(1.5));
        values.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("9223372036854775808")));
        values.add(JSON.getNodeFactory().numberNode(2147483648L));
        // 1e400 is outside the double range, so the client writes it from a BigDecimal.
        values.add(JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")));
        if (schema.has("minimum")) {
            values.add(JSON.getNodeFactory().numberNode(schema.path("minimum").asLong() - 1));
        } else {
            values.add(JSON.getNodeFactory().numberNode(name.equals("likelihoodAdjustment") ? -1000 : -1));
        }
        if (schema.has("maximum")) {
            values.add(JSON.getNodeFactory().numberNode(schema.path("maximum").asLong() + 1));
        }
        return values;
    }

    private void csvBodyCases(Operation op) {
        String url = url(op, op.filledPath, op.query);
        Map<String, String> csv = headers(op, token(), op.etag, op.contentType);
        CsvShape shape = op.csv;
        String valid = shape.header() + "\n" + shape.row() + "\n";

        body(op, "CSV with invalid UTF-8", url, csv, withInvalidUtf8(valid), null);
        if (!op.path.endsWith("/mappings")) {
            // A mapping import replaces the whole mapping, so a file without rows validly clears it.
            body(op, "CSV header only", url, csv, (shape.header() + "\n").getBytes(StandardCharsets.UTF_8), null);
        }
        body(op, "CSV empty", url, csv, new byte[0], null);
        body(op, "CSV ragged row", url, csv, (valid + shape.row() + ",extra,cells\n").getBytes(StandardCharsets.UTF_8), null);
        String[] cells = shape.row().split(",", -1);
        for (String bad : List.of(FORMULA.replace("\"", "\"\""), SQL, "@SUM(1+1)")) {
            String[] changed = cells.clone();
            changed[shape.referenceColumn()] = "\"" + bad + "\"";
            body(op, "CSV reference cell " + bad, url, csv,
                    (shape.header() + "\n" + String.join(",", changed) + "\n").getBytes(StandardCharsets.UTF_8), null);
        }
        add(op, "Content-Type application/xml", op.method, url, headers(op, token(), op.etag, "application/xml"),
                valid.getBytes(StandardCharsets.UTF_8), null, 415);
        if (op.validBody == null) {
            oversized(op, url, csv);
        }
    }

    /** Adds a body above the size limit for a few write operations, because the limit applies before routing. */
    private void oversized(Operation op, String url, Map<String, String> headers) {
        if (!Set.of("POST /api/v1/catalogs", "POST /api/v1/assessments", "POST /api/v1/assessments/{id}/answers/import",
                "POST /api/v1/threats", "PUT /api/v1/risk-methods/current", "POST /api/v1/remediation-actions",
                "PUT /api/v1/remediation-settings").contains(op.key())) {
            return;
        }
        add(op.key(), "body above 10 MiB", op.method, url, headers, null, OVERSIZED_BODY_BYTES, null, 413);
    }

    private CsvShape csvShape(String key) {
        return switch (key) {
            case "POST /api/v1/catalogs" -> new CsvShape(
                    "?format=internal-controls&catalogId=corpus-never-created&version=1&title=Never%20created",
                    "\"Control ID\",\"Title\",\"Description\",\"Audit Methodology\",\"Policy\",\"Owner\",\"Frequency\"",
                    "NC-01,Never created,A control that the corpus never creates,Inspect,Policy,CISO,Annual", 0);
            case "POST /api/v1/catalogs/{catalogId}/versions/{version}/mappings" -> new CsvShape("",
                    "Control ID,Title,ISO 27001:2022,ISO 27002:2022,NIST CSF 2.0",
                    "ISP-01,Information security policy set,A.5.1,5.1,GV.PO-01", 0);
            case "POST /api/v1/assessments/{id}/answers/import" -> new CsvShape("",
                    "requirement,status,maturity,justification,inclusion_reasons,notes,evidence_title,"
                            + "evidence_reference,evidence_owner,evidence_collected_on",
                    CorpusFixture.ANSWERED_REF + ",Implemented,3,,risk assessment,Corpus,,,,", 0);
            default -> throw new IllegalArgumentException("No CSV shape for " + key + ": add one to BadRequestCorpus.csvShape");
        };
    }

    private void body(Operation op, String name, String url, Map<String, String> headers, byte[] body, String field) {
        add(op, name, op.method, url, headers, body, field, 0);
    }

    private void add(Operation op, String name, String method, String url, Map<String, String> headers, byte[] body,
                     String field, int expectedStatus) {
        add(op.key(), name, method, url, headers, body, 0, field, expectedStatus);
    }

    private void add(String operation, String name, String method, String url, Map<String, String> headers, byte[] body,
                     long declaredLength, String field, int expectedStatus) {
        cases.add(new BadRequest(operation, name, method, url, headers, body, declaredLength, field, expectedStatus));
    }

    private String token() {
        return fixture.main.token();
    }

    private static Map<String, String> headers(Operation op, String token, String etag, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (etag != null) {
            headers.put("If-Match", etag);
        }
        if (contentType != null && op.body != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Accept", "application/json, application/problem+json, */*");
        return headers;
    }

    private String url(Operation op, String filledPath, String query) {
        return stack.url(op.service) + filledPath + (query == null ? "" : query);
    }

    /** Fills the path template with fixture values, except for the overridden (already encoded) ones. */
    private String fill(Operation op, Map<String, String> overrides) {
        String filled = op.path;
        for (JsonNode parameter : op.spec.path("parameters")) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : encode(CorpusFixture.pathValue(fixture.main, op.service, op.path, name));
            filled = filled.replace("{" + name + "}", value);
        }
        return filled;
    }

    private static String replaceQuery(String query, String name, String value) {
        String encoded = name + "=" + encode(value);
        if (query == null || query.isEmpty()) {
            return "?" + encoded;
        }
        List<String> pairs = new ArrayList<>();
        boolean replaced = false;
        for (String pair : query.substring(1).split("&")) {
            if (pair.startsWith(name + "=")) {
                pairs.add(encoded);
                replaced = true;
            } else {
                pairs.add(pair);
            }
        }
        if (!replaced) {
            pairs.add(encoded);
        }
        return "?" + String.join("&", pairs);
    }

    private static byte[] withInvalidUtf8(String text) {
        int at = text.indexOf("\"", text.indexOf(":") + 1);
        int split = at < 0 ? text.length() / 2 : at + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, split).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(INVALID_UTF8);
        bytes.writeBytes(text.substring(split).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static List<JsonNode> texts(String... values) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String value : values) {
            nodes.add(JSON.getNodeFactory().textNode(value));
        }
        return nodes;
    }

    /** Returns a copy of {@code root} with the value at {@code path} replaced, or null when the parent is missing. */
    private static JsonNode replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = find(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.set(name, value);
            return copy;
        }
        if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.set(index, value);
            return copy;
        }
        return null;
    }

    private static JsonNode find(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Formats a body path as the services name fields: {@code scope.assets[0].criticality}. */
    private static String fieldName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                if (name.isEmpty()) {
                    continue;
                }
                name.append('[').append(index).append(']');
            } else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(step);
            }
        }
        return name.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** One OpenAPI operation and the valid request parts that its cases start from. */
    private static final class Operation {
        final String service;
        final JsonNode document;
        final String method;
        final String path;
        final JsonNode spec;
        String filledPath;
        String etag;
        String query = "";
        String contentType;
        JsonNode validBody;
        CsvShape csv;
        byte[] body;

        Operation(String service, JsonNode document, String method, String path, JsonNode spec) {
            this.service = service;
            this.document = document;
            this.method = method;
            this.path = path;
            this.spec = spec;
        }

        String key() {
            return method + " " + path;
        }

        JsonNode requestSchema(String mediaType) {
            return spec.path("requestBody").path("content").path(mediaType).path("schema");
        }

        /** Follows a {@code $ref} into the document's component schemas. */
        JsonNode resolve(JsonNode schema) {
            String ref = schema.path("$ref").asText();
            if (ref.startsWith("#/components/schemas/")) {
                return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            }
            return schema;
        }
    }
}
