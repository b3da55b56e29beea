package io.gaplens.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gaplens.platform.events.EventSchemas;
import io.gaplens.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the transactional outbox. It must run inside the transaction that makes the
 * state change the event announces, so that both commit or neither does; {@link OutboxRelay}
 * publishes it afterwards.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EventSchemas schemas;

    @Inject
    Event<OutboxWritten> written;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /**
     * Adds an event to the outbox and returns its id.
     *
     * @param subject the aggregate id ({@code ce_subject})
     * @param key the record key: the assessment id, so that one assessment's events keep their order
     * @throws IllegalArgumentException when the payload does not match its JSON Schema, which is a bug of the caller
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, String tenantId, String subject, String key, Object payload) {
        JsonNode json = objectMapper.valueToTree(payload);
        List<String> errors = schemas.validate(type, json);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(type.eventName() + " payload violates its schema: " + errors);
        }

        UUID eventId = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into gaplens_outbox
                            (event_id, tenant_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .setParameter(1, eventId)
                .setParameter(2, tenantId)
                .setParameter(3, type.topic())
                .setParameter(4, key)
                .setParameter(5, type.ceType())
                .setParameter(6, "/gaplens/" + serviceName)
                .setParameter(7, subject)
                .setParameter(8, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(9, json.toString())
                .executeUpdate();

        written.fire(new OutboxWritten(eventId));
        return eventId;
    }

    /** Fired when an event is written; the relay observes it after commit to publish without waiting for its next poll. */
    public record OutboxWritten(UUID eventId) {
    }
}
