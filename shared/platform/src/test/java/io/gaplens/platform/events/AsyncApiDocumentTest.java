package io.gaplens.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps docs/events/asyncapi.yaml in step with the event types and schemas the services use. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "..", "docs", "events", "asyncapi.yaml");

    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocument() throws IOException {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void documentIsAsyncApi3() {
        assertEquals("3.0.0", asyncApi.path("asyncapi").asText());
    }

    @Test
    void everyEventTypeHasAMessageWithItsCloudEventsType() {
        for (EventType type : EventType.values()) {
            JsonNode message = asyncApi.path("components").path("messages").path(type.eventName());
            assertTrue(message.isObject(), type.eventName() + " has no message in " + DOCUMENT);
            assertEquals(type.ceType(), message.path("x-cloudevents-type").asText(), type.eventName());
        }
    }

    @Test
    void everyEventTypeSitsOnTheChannelOfItsTopic() {
        for (EventType type : EventType.values()) {
            JsonNode channel = channelWithAddress(type.topic());
            assertNotNull(channel, "no channel has the address " + type.topic());
            assertTrue(channel.path("messages").has(type.eventName()),
                    type.eventName() + " is not listed on channel " + type.topic());
        }
    }

    @Test
    void everyPayloadReferenceNamesTheSchemaTheServicesValidateWith() throws IOException {
        for (EventType type : EventType.values()) {
            String reference = asyncApi.path("components").path("messages").path(type.eventName())
                    .path("payload").path("$ref").asText();
            Path schema = DOCUMENT.getParent().resolve(reference).normalize();
            assertTrue(Files.exists(schema), type.eventName() + " payload reference does not exist: " + reference);
            assertTrue(reference.endsWith(type.schemaResource()), type.eventName() + " references " + reference);
        }
    }

    @Test
    void documentListsNoMessageWithoutAnEventType() {
        Set<String> known = new HashSet<>();
        for (EventType type : EventType.values()) {
            known.add(type.eventName());
        }
        List<String> unknown = new ArrayList<>();
        asyncApi.path("components").path("messages").fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        assertEquals(List.of(), unknown);
    }

    private static JsonNode channelWithAddress(String address) {
        Iterator<JsonNode> channels = asyncApi.path("channels").elements();
        while (channels.hasNext()) {
            JsonNode channel = channels.next();
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }
}
