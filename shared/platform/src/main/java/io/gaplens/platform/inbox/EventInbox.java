package io.gaplens.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.CloudEventHeaders;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The receiving side of the event backbone: reads and validates a CloudEvent from a Kafka record,
 * and records which events this service has applied, so that a redelivered event is applied once.
 */
@ApplicationScoped
public class EventInbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EventSchemas schemas;

    @ConfigProperty(name = "quarkus.application.name")
    String consumerName;

    /**
     * Reads the CloudEvent in {@code record}. A consumer ignores the known types it does not handle.
     *
     * @throws PoisonEventException when the record is not a CloudEvent, its type is unknown, or its payload
     *         violates the type's schema
     */
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonEventException("Not a CloudEvents 1.0 record: ce_specversion is " + specVersion);
        }
        String id = required(record, CloudEventHeaders.ID);
        String ceType = required(record, CloudEventHeaders.TYPE);
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new PoisonEventException("Unknown event type " + ceType));

        JsonNode data;
        try {
            data = objectMapper.readTree(record.value() == null ? "" : record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Payload of event " + id + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (data == null || data.isMissingNode()) {
            throw new PoisonEventException("Event " + id + " has no payload");
        }
        List<String> errors = schemas.validate(type, data);
        if (!errors.isEmpty()) {
            throw new PoisonEventException("Payload of event " + id + " violates the " + type.eventName()
                    + " schema: " + String.join("; ", errors));
        }

        return new ReceivedEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), header(record, CloudEventHeaders.TENANT_ID),
                record.key(), data);
    }

    /**
     * Records that this service applies {@code event}, in the caller's transaction, and returns
     * false when it was applied before. The caller applies the event only when this returns true.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(ReceivedEvent event) {
        int inserted = entityManager.createNativeQuery("""
                        insert into gaplens_processed_event (consumer, event_id, event_type, processed_at)
                        values (?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .setParameter(1, consumerName)
                .setParameter(2, event.id())
                .setParameter(3, event.type().ceType())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        return inserted == 1;
    }

    /** Converts the payload into its record type. */
    public <T> T payload(ReceivedEvent event, Class<T> type) {
        try {
            return objectMapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("Payload of event " + event.id() + " does not map to "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Record has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
