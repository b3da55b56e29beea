package io.gaplens.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.gaplens.client.catalog.api.CataloguesApi;
import io.gaplens.client.catalog.model.VersionDetail;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five services, PostgreSQL and Kafka run as separate processes and answer on loopback only. */
@ExtendWith(StackExtension.class)
class StackTest {

    private final GapLensStack stack;

    StackTest(GapLensStack stack) {
        this.stack = stack;
    }

    @Test
    void everyServiceReportsReadyHealth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : GapLensStack.SERVICES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), service + ": " + response.body());
        }
    }

    @Test
    void everyListenerOfTheStackIsOnLoopback() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (String service : GapLensStack.SERVICES) {
            ports.add(stack.port(service));
        }
        ports.add(stack.postgres().port());
        ports.add(Integer.parseInt(stack.bootstrapServers().substring(stack.bootstrapServers().lastIndexOf(':') + 1)));

        List<String> listeners = Listeners.listening();
        for (int port : ports) {
            List<String> onPort = listeners.stream().filter(address -> address.endsWith(":" + port)).toList();
            assertTrue(!onPort.isEmpty(), "nothing listens on port " + port);
            for (String address : onPort) {
                assertTrue(address.startsWith("127.0.0.1:"), "port " + port + " listens on " + address);
            }
        }
    }

    @Test
    void generatedClientReadsTheShippedCatalogue() throws Exception {
        CataloguesApi catalogues = new CataloguesApi(Clients.catalog(stack.url("catalog-service"),
                stack.token("system-test", "viewer")));

        VersionDetail edition2022 = catalogues.getCatalogVersion("iso-iec-27001", "2022");

        assertEquals("PUBLISHED", edition2022.getStatus());
        assertEquals(123L, edition2022.getAssessableCount());
        assertEquals(93L, edition2022.getCountsByKind().get("CONTROL"));
    }

    @Test
    void catalogPublishedEventsCarryTheCloudEventsEnvelope() throws Exception {
        List<ConsumerRecord<String, String>> records = Topics.readUntil(stack.bootstrapServers(), "gaplens.catalog.events",
                record -> record.key() != null && record.key().startsWith("iso-iec-27001:"),
                found -> found.size() >= 2, Duration.ofSeconds(60));

        assertEquals(Set.of("iso-iec-27001:2022", "iso-iec-27001:2013"),
                Set.copyOf(records.stream().map(ConsumerRecord::key).toList()));
        JsonSchema schema = schema("CatalogPublished");
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("1.0", Topics.header(record, "ce_specversion"));
            assertEquals("io.gaplens.catalog.CatalogPublished.v1", Topics.header(record, "ce_type"));
            assertEquals("/gaplens/catalog-service", Topics.header(record, "ce_source"));
            assertEquals(record.key(), Topics.header(record, "ce_subject"));
            assertEquals("application/json", Topics.header(record, "content-type"));
            JsonNode payload = new ObjectMapper().readTree(record.value());
            assertEquals(Set.of(), schema.validate(payload), "payload of " + record.key());
        }
    }

    static JsonSchema schema(String eventName) throws IOException {
        Path file = Path.of("..", "shared", "platform", "src", "main", "resources", "gaplens", "events", "schemas",
                eventName + ".v1.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.newInputStream(file));
    }
}
