package io.gaplens.platform.outbox;

import io.gaplens.platform.events.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Sends one outbox row to Kafka as a CloudEvent in binary mode. It is a bean of its own so that
 * the emitter is injected on the first send, after the messaging channels are up, and not when
 * the scheduler first creates the relay.
 */
@ApplicationScoped
public class OutboxSender {

    @Inject
    @Channel(OutboxRelay.CHANNEL)
    MutinyEmitter<String> emitter;

    /** Sends the event and completes when the broker has acknowledged it. */
    Uni<Void> send(String eventId, String tenantId, String topic, String key, String ceType, String ceSource,
                   String ceSubject, String ceTime, String payload) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, eventId);
        header(headers, CloudEventHeaders.TYPE, ceType);
        header(headers, CloudEventHeaders.SOURCE, ceSource);
        header(headers, CloudEventHeaders.SUBJECT, ceSubject);
        header(headers, CloudEventHeaders.TIME, ceTime);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (tenantId != null) {
            header(headers, CloudEventHeaders.TENANT_ID, tenantId);
        }

        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
