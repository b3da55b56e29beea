package io.gaplens.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates event payloads against the JSON Schema of their type, on both the sending and the receiving side. */
@ApplicationScoped
public class EventSchemas {

    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("Missing JSON Schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Returns the validation errors of {@code payload}, empty when it is valid. */
    public List<String> validate(EventType type, JsonNode payload) {
        Set<ValidationMessage> messages = schemas.get(type).validate(payload);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
