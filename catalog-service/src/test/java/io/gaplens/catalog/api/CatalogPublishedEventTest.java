package io.gaplens.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import io.gaplens.platform.events.Topics;
import io.gaplens.testing.GapLensTestInfrastructure;
import io.gaplens.testing.KafkaTestClient;
import io.gaplens.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.gaplens.catalog.api.CatalogFixtures.freshTenant;
import static io.gaplens.catalog.api.CatalogFixtures.importCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(GapLensTestInfrastructure.class)
class CatalogPublishedEventTest {

    @Inject
    EventSchemas schemas;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void publishingSendsOneCloudEvent() throws Exception {
        String tenant = freshTenant("event");
        String admin = TestTokens.forTenant(tenant, "admin");
        importCsv(admin, "announced", "3", "ref,parent,kind,title\nG,,GROUP,Group\nC1,G,CONTROL,One\nC2,G,,Two\n")
                .statusCode(201);

        CatalogFixtures.publish(admin, "announced", "3").statusCode(200);
        CatalogFixtures.publish(admin, "announced", "3").statusCode(200);

        List<ConsumerRecord<String, String>> first = KafkaTestClient.readUntil(Topics.CATALOG,
                record -> tenant.equals(KafkaTestClient.header(record, "ce_tenantid")),
                records -> !records.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, first.size(), "a CatalogPublished record should reach the topic");
        List<ConsumerRecord<String, String>> all = KafkaTestClient.readFor(Topics.CATALOG,
                record -> tenant.equals(KafkaTestClient.header(record, "ce_tenantid")), Duration.ofSeconds(5));
        assertEquals(1, all.size(), "publishing twice must send one event");

        ConsumerRecord<String, String> record = all.get(0);
        assertEquals("announced:3", record.key());
        assertEquals("1.0", KafkaTestClient.header(record, "ce_specversion"));
        assertEquals("io.gaplens.catalog.CatalogPublished.v1", KafkaTestClient.header(record, "ce_type"));
        assertEquals("/gaplens/catalog-service", KafkaTestClient.header(record, "ce_source"));
        assertEquals("announced:3", KafkaTestClient.header(record, "ce_subject"));
        assertEquals(tenant, KafkaTestClient.header(record, "ce_tenantid"));
        assertNotNull(KafkaTestClient.header(record, "ce_id"));

        JsonNode payload = objectMapper.readTree(record.value());
        assertEquals(List.of(), schemas.validate(EventType.CATALOG_PUBLISHED, payload));
        assertEquals(tenant, payload.get("tenantId").asText());
        assertEquals("announced", payload.get("catalogId").asText());
        assertEquals("3", payload.get("version").asText());
        assertEquals(3, payload.get("requirementCount").asInt());
        assertEquals(2, payload.get("assessableCount").asInt());
        assertTrue(payload.hasNonNull("publishedAt"));
    }

    @Test
    void failedImportSendsNothing() {
        String tenant = freshTenant("event-none");
        String admin = TestTokens.forTenant(tenant, "admin");
        importCsv(admin, "silent", "1", "ref,title\nC1,One\nC1,Twice\n").statusCode(400);
        CatalogFixtures.publish(admin, "silent", "1").statusCode(404);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readFor(Topics.CATALOG,
                record -> tenant.equals(KafkaTestClient.header(record, "ce_tenantid")), Duration.ofSeconds(3));
        assertEquals(0, records.size());
    }
}
