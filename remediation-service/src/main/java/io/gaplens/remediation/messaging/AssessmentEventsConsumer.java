package io.gaplens.remediation.messaging;

import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.gaplens.remediation.service.PlanningService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Cancels remediation of gaps that a new answer closed; the other assessment events are ignored. */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CHANNEL = "assessment-events";

    @Inject
    EventInbox inbox;

    @Inject
    PlanningService planning;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        if (!inbox.firstDelivery(event)) {
            return;
        }
        switch (event.type()) {
            case GAP_CLOSED -> {
                GapClosed closed = inbox.payload(event, GapClosed.class);
                RiskEventsConsumer.TenantCheck.requireSameTenant(event, closed.tenantId());
                planning.apply(closed);
            }
            default -> { }
        }
    }
}
