package io.gaplens.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class ExportTest {

    private static final String TENANT = "exports-" + UUID.randomUUID();
    private static final String AUDITOR = TestTokens.forTenant(TENANT, "auditor");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Exports are written here too, so that a person can open them after a test run. */
    private static final Path SAMPLES = Path.of("target", "export-samples");
    private static Scenario scenario;

    @BeforeEach
    void feedScenarioOnce() {
        if (scenario == null) {
            scenario = Scenario.fed(TENANT);
        }
    }

    private byte[] download(String kind, String expectedMediaType) throws IOException {
        Response response = given().auth().oauth2(AUDITOR)
                .when().get("/api/v1/reports/assessments/" + scenario.assessmentId + "/exports/" + kind);
        assertEquals(200, response.statusCode(), () -> kind + ": " + response.asString());
        assertTrue(response.contentType().startsWith(expectedMediaType), kind + " content type " + response.contentType());
        assertEquals("attachment; filename=\"gaplens-" + scenario.assessmentId + "-" + kind + "\"",
                response.header("Content-Disposition"));
        assertEquals("Fri, 01 Jan 2027 00:05:00 GMT", response.header("Last-Modified"));
        byte[] body = response.asByteArray();
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(kind), body);
        return body;
    }

    private static List<CSVRecord> parseCsv(byte[] body) throws IOException {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3),
                "CSV starts with the UTF-8 byte order mark");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        }
    }

    @Test
    void summaryCsvListsComplianceFigures() throws IOException {
        List<CSVRecord> rows = parseCsv(download("summary.csv", "text/csv"));

        assertEquals(List.of("Overall", "Clause 4", "Clause 5", "Theme A.5", "Theme A.6", "Theme A.7", "Theme A.8"),
                rows.stream().map(r -> r.get("Scope")).toList());
        assertEquals(List.of("50.0", "50.0", "0.0", "50.0", "", "", "100.0"),
                rows.stream().map(r -> r.get("Compliance %")).toList());
        assertEquals("6", rows.get(0).get("Assessed"));
        assertEquals("3", rows.get(0).get("Compliant"));
        assertEquals("3", rows.get(0).get("Gaps"));
        assertEquals("1", rows.get(0).get("Not applicable"));
        assertEquals("1", rows.get(0).get("Not assessed"));
        assertEquals("Leadership", rows.get(2).get("Title"));
    }

    @Test
    void summaryWorkbookHasHeatMapAndRoadmap() throws IOException {
        byte[] body = download("summary.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("Compliance", "Heat map", "Roadmap", "About"), sheets.stream().map(Sheet::getName).toList());

            List<Row> compliance = sheets.get(0).read();
            assertEquals(new BigDecimal("50"), compliance.get(1).getCellAsNumber(8).orElseThrow().stripTrailingZeros()
                    .setScale(0));

            List<Row> heatMap = sheets.get(1).read();
            assertEquals(26, heatMap.size(), "header and 25 cells");
            int inherent = 0;
            int residual = 0;
            for (Row row : heatMap.subList(1, heatMap.size())) {
                int likelihood = row.getCellAsNumber(0).orElseThrow().intValue();
                int impact = row.getCellAsNumber(1).orElseThrow().intValue();
                if (likelihood == 4 && impact == 4) {
                    assertEquals(1, row.getCellAsNumber(2).orElseThrow().intValue(), "inherent L4 x I4");
                }
                if (likelihood == 1 && impact == 3) {
                    assertEquals(1, row.getCellAsNumber(3).orElseThrow().intValue(), "residual L1 x I3");
                }
                inherent += row.getCellAsNumber(2).orElseThrow().intValue();
                residual += row.getCellAsNumber(3).orElseThrow().intValue();
            }
            assertEquals(2, inherent);
            assertEquals(2, residual);

            List<Row> roadmap = sheets.get(2).read();
            assertEquals("Immediate fixes", roadmap.get(1).getCellText(1));
            assertEquals(1, roadmap.get(1).getCellAsNumber(4).orElseThrow().intValue(), "phase 1 overdue");
            assertEquals(new BigDecimal("100"), roadmap.get(2).getCellAsNumber(6).orElseThrow().stripTrailingZeros()
                    .setScale(0));
        }
    }

    @Test
    void gapCsvListsEveryGap() throws IOException {
        List<CSVRecord> rows = parseCsv(download("gaps.csv", "text/csv"));

        assertEquals(3, rows.size());
        assertEquals("4.2", rows.get(0).get("Requirement"));
        assertEquals("PARTIALLY_IMPLEMENTED", rows.get(0).get("Status"));
        assertEquals("2", rows.get(0).get("Maturity"));
        assertEquals("3", rows.get(0).get("Target maturity"));
        assertEquals("MEDIUM", rows.get(0).get("Risk level"));
        assertEquals("6", rows.get(0).get("Risk score"));
        assertEquals("bob", rows.get(0).get("Owner"));
        assertEquals("2027-03-31", rows.get(0).get("Due date"));
        assertEquals("COMPLETED", rows.get(0).get("Action status"));
        assertEquals("UNRATED", rows.get(1).get("Risk level"));
        assertEquals("", rows.get(1).get("Risk score"));
        assertEquals("A.5.15", rows.get(2).get("Requirement"));
        assertEquals("", rows.get(2).get("Maturity"));
        assertEquals("HIGH", rows.get(2).get("Risk level"));
        assertEquals("yes", rows.get(2).get("Overdue"));
    }

    @Test
    void csvCellsCannotInjectFormulas() throws IOException {
        List<CSVRecord> gaps = parseCsv(download("gaps.csv", "text/csv"));
        assertEquals("'+Write the ISMS policy and stakeholder register", gaps.get(0).get("Remediation action"));

        List<CSVRecord> soa = parseCsv(download("soa.csv", "text/csv"));
        assertEquals("'-Approved by the board", soa.get(0).get("Justification"));
        assertEquals("'=HYPERLINK(\"http://127.0.0.1/x\",\"Policy\") (DOC-001); Board minutes", soa.get(0).get("Evidence"));
        for (CSVRecord record : soa) {
            for (String cell : record) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "cell not neutralised: " + cell);
            }
        }
    }

    @Test
    void soaCsvListsEveryControl() throws IOException {
        List<CSVRecord> rows = parseCsv(download("soa.csv", "text/csv"));

        assertEquals(5, rows.size());
        assertEquals(List.of("A.5.1", "A.5.15", "A.6.3", "A.7.4", "A.8.5"), rows.stream().map(r -> r.get("Control")).toList());
        assertEquals("APPLICABLE", rows.get(0).get("Applicability"));
        assertEquals("RISK_ASSESSMENT, LEGAL", rows.get(0).get("Inclusion reasons"));
        assertEquals("IMPLEMENTED", rows.get(0).get("Implementation status"));
        assertEquals("3", rows.get(0).get("Maturity"));
        assertEquals("NOT_APPLICABLE", rows.get(2).get("Applicability"));
        assertEquals("No staff of our own; the contractor trains its people", rows.get(2).get("Justification"));
        assertEquals("UNDECIDED", rows.get(3).get("Applicability"));
        assertEquals("NOT_ASSESSED", rows.get(3).get("Implementation status"));
    }

    @Test
    void gapWorkbookHasGapsAndAboutSheets() throws IOException {
        byte[] body = download("gaps.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("Gaps", "About"), sheets.stream().map(Sheet::getName).toList());

            List<Row> gaps = sheets.get(0).read();
            assertEquals(4, gaps.size(), "header and three gaps");
            assertEquals("Requirement", gaps.get(0).getCellText(0));
            assertEquals("4.2", gaps.get(1).getCellText(0));
            assertEquals(new BigDecimal("2"), gaps.get(1).getCellAsNumber(5).orElseThrow());
            assertEquals("'+Write the ISMS policy and stakeholder register", gaps.get(1).getCellText(9));
            assertEquals("A.5.15", gaps.get(3).getCellText(0));
            assertEquals("HIGH", gaps.get(3).getCellText(7));

            List<Row> about = sheets.get(1).read();
            assertEquals("ISMS baseline 2026", about.get(1).getCellText(1));
            assertEquals(new BigDecimal(Scenario.EVENT_COUNT), about.get(8).getCellAsNumber(1).orElseThrow());
        }
    }

    @Test
    void soaWorkbookNeutralisesEvidence() throws IOException {
        byte[] body = download("soa.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(6, rows.size(), "header and five controls");
            assertEquals("A.5.1", rows.get(1).getCellText(0));
            assertEquals("'-Approved by the board", rows.get(1).getCellText(5));
            assertEquals("'=HYPERLINK(\"http://127.0.0.1/x\",\"Policy\") (DOC-001); Board minutes", rows.get(1).getCellText(8));
        }
    }

    @Test
    void htmlReportDrawsCharts() throws IOException {
        String html = new String(download("report.html", "text/html"), StandardCharsets.UTF_8);

        assertTrue(html.contains("<h1>Gap analysis report: ISMS baseline 2026</h1>"));
        assertTrue(html.contains("Reflects 18 events up to 2027-01-01 00:05:00 UTC"));
        assertEquals(5, count(html, "<svg "), "clause bars, theme bars, two heat maps, roadmap");
        assertTrue(html.contains(">50.0 %</text>"), "a compliance bar is labelled 50.0 %");
        assertTrue(html.contains(">100.0 %</text>"), "the A.8 bar is labelled 100.0 %");
        assertTrue(html.contains(">Phase 1: Immediate fixes</text>"));
        assertTrue(html.contains("0 of 1 done, 1 overdue"));
        assertTrue(html.contains("1 of 2 actions completed (50.0 %), 1 overdue."));
        assertTrue(html.contains("=HYPERLINK(&quot;http://127.0.0.1/x&quot;,&quot;Policy&quot;) (DOC-001)"),
                "evidence is listed with quotes escaped");
    }

    @Test
    void pdfReportContainsFigures() throws IOException {
        byte[] body = download("report.pdf", "application/pdf");

        assertEquals("%PDF", new String(body, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(body)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Gap analysis report: ISMS baseline 2026"), text);
            assertTrue(text.contains("Reflects 18 events up to 2027-01-01 00:05:00 UTC"), text);
            assertTrue(text.contains("Compliance per clause"), text);
            assertTrue(text.contains("Compliance per Annex A theme"), text);
            assertTrue(text.contains("Risk heat map"), text);
            assertTrue(text.contains("1 of 2 actions completed (50.0 %), 1 overdue."), text);
            assertTrue(text.contains("Introduce role-based access control"), text);
            assertTrue(text.contains("5 Annex A controls: 3 applicable, 1 not applicable, 1 not yet decided"), text);
        }
    }

    @Test
    void oscalAssessmentResultsValidate() throws IOException {
        JsonNode document = JSON.readTree(download("oscal-assessment-results.json", "application/json"));

        assertEquals(Set.of(), validate("schema/json/oscal-ar_schema.json", document));
        JsonNode result = document.path("assessment-results").path("results").get(0);
        assertEquals("1.1.2", document.path("assessment-results").path("metadata").path("oscal-version").asText());
        assertEquals(6, result.path("findings").size(), "one finding per applicable and assessed requirement");
        assertEquals(7, result.path("observations").size(), "one observation per answer");
        List<String> states = new ArrayList<>();
        result.path("findings").forEach(finding -> states.add(finding.path("target").path("target-id").asText() + "="
                + finding.path("target").path("status").path("state").asText()));
        assertEquals(List.of("req-4.1=satisfied", "req-4.2=not-satisfied", "req-5.2=not-satisfied", "A.5.1=satisfied",
                "A.5.15=not-satisfied", "A.8.5=satisfied"), states);
        JsonNode policyObservation = result.path("observations").get(3);
        assertEquals(2, policyObservation.path("relevant-evidence").size());
        assertTrue(policyObservation.path("relevant-evidence").get(0).path("description").asText().contains("DOC-001"));
        assertEquals(2, result.path("risks").size(), "the two rated gaps");
    }

    @Test
    void oscalExportIsStable() throws IOException {
        byte[] first = download("oscal-assessment-results.json", "application/json");
        byte[] second = download("oscal-assessment-results.json", "application/json");

        assertArrayEquals(first, second);
    }

    @Test
    void oscalPlanOfActionValidates() throws IOException {
        JsonNode document = JSON.readTree(download("oscal-poam.json", "application/json"));

        assertEquals(Set.of(), validate("schema/json/oscal-poam_schema.json", document));
        JsonNode poam = document.path("plan-of-action-and-milestones");
        assertEquals(2, poam.path("poam-items").size(), "one item per remediation action");
        assertEquals("Introduce role-based access control", poam.path("poam-items").get(0).path("title").asText());
        assertEquals(3, poam.path("risks").size(), "one risk per gap");
        List<String> statuses = new ArrayList<>();
        poam.path("risks").forEach(risk -> statuses.add(risk.path("status").asText()));
        assertEquals(List.of("closed", "closed", "remediating"), statuses);
        assertEquals("2026-12-31T23:59:59Z", poam.path("risks").get(2).path("remediations").get(0).path("tasks").get(0)
                .path("timing").path("on-date").path("date").asText());
    }

    @Test
    void assessmentWithoutGapsHasNoPlan() throws IOException {
        UUID assessmentId = UUID.randomUUID();
        Scenario empty = new Scenario(TENANT);
        empty.send(assessmentId, "AssessmentStarted", "assessment", """
                {"tenantId":"%s","assessmentId":"%s","name":"Fresh <script>alert(1)</script> & co","catalogId":"iso-iec-27001",
                 "catalogVersion":"2022","targetMaturity":2,"baselineAssessmentId":null,"assessableCount":1,
                 "scopeCriticality":"LOW","startedAt":"2026-11-05T08:00:00Z","requirements":[
                  {"ref":"4.1","title":"Context","kind":"CLAUSE","group":"4","excludable":false}]}
                """.formatted(TENANT, assessmentId));
        EventFeed.awaitEventCount(TENANT, assessmentId, 1);
        String base = "/api/v1/reports/assessments/" + assessmentId + "/exports/";

        given().auth().oauth2(AUDITOR)
                .when().get(base + "oscal-poam.json")
                .then().statusCode(409)
                .contentType("application/problem+json");

        JsonNode results = JSON.readTree(given().auth().oauth2(AUDITOR)
                .when().get(base + "oscal-assessment-results.json")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(Set.of(), validate("schema/json/oscal-ar_schema.json", results));
        assertTrue(results.path("assessment-results").path("results").get(0).path("findings").isMissingNode());

        List<CSVRecord> rows = parseCsv(given().auth().oauth2(AUDITOR)
                .when().get(base + "gaps.csv")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(0, rows.size());

        String html = given().auth().oauth2(AUDITOR)
                .when().get(base + "report.html")
                .then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<h1>Gap analysis report: Fresh &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>"), html);
        assertFalse(html.contains("<script>"), "markup in names is escaped");
        assertTrue(html.contains("<p>No gaps.</p>"));

        byte[] pdf = given().auth().oauth2(AUDITOR)
                .when().get(base + "report.pdf")
                .then().statusCode(200)
                .contentType("application/pdf")
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(text.contains("Gap analysis report: Fresh <script>alert(1)</script> & co"), text);
            assertTrue(text.contains("compliance (0 of 0 applicable and assessed requirements)"), text);
        }
    }

    @Test
    void unknownExportKindIsRejected() {
        given().auth().oauth2(AUDITOR)
                .when().get("/api/v1/reports/assessments/" + scenario.assessmentId + "/exports/gaps.docx")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"));
    }

    private static Set<String> validate(String schemaResource, JsonNode document) throws IOException {
        try (InputStream schemaStream = ExportTest.class.getClassLoader().getResourceAsStream(schemaResource)) {
            assertTrue(schemaStream != null, schemaResource + " is on the test class path");
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaStream);
            Set<String> messages = new java.util.TreeSet<>();
            for (ValidationMessage message : schema.validate(document)) {
                messages.add(message.getMessage());
            }
            return messages;
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) {
            count++;
        }
        return count;
    }
}
