package io.gaplens.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.gaplens.platform.events.EventType;

/** A CloudEvent read from Kafka whose envelope and payload are valid. */
public record ReceivedEvent(String id, EventType type, String source, String subject, String tenantId,
                            String key, JsonNode data) {
}
