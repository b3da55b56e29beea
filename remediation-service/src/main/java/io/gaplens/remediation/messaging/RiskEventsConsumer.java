package io.gaplens.remediation.messaging;

import io.gaplens.platform.events.RiskAssessed;
import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.PoisonEventException;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.gaplens.remediation.service.PlanningService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Plans remediation from the risk service's ratings. */
@ApplicationScoped
public class RiskEventsConsumer {

    public static final String CHANNEL = "risk-events";

    @Inject
    EventInbox inbox;

    @Inject
    PlanningService planning;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onRiskEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        if (!inbox.firstDelivery(event)) {
            return;
        }
        switch (event.type()) {
            case RISK_ASSESSED -> {
                RiskAssessed risk = inbox.payload(event, RiskAssessed.class);
                TenantCheck.requireSameTenant(event, risk.tenantId());
                planning.apply(risk);
            }
            default -> { }
        }
    }

    /** Guards against an envelope whose tenant differs from its payload's. */
    static final class TenantCheck {

        private TenantCheck() {
        }

        static void requireSameTenant(ReceivedEvent event, String payloadTenant) {
            if (event.tenantId() != null && !event.tenantId().equals(payloadTenant)) {
                throw new PoisonEventException("Event " + event.id() + " has ce_tenantid " + event.tenantId()
                        + " but its payload names tenant " + payloadTenant);
            }
        }
    }
}
