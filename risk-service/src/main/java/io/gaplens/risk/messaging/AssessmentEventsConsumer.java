package io.gaplens.risk.messaging;

import io.gaplens.platform.events.AssessmentStarted;
import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.events.GapIdentified;
import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.service.RiskRegister;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Rates gaps as the assessment service reports them. Each event is applied once, because the inbox
 * records its id in the same transaction as the effect. A record that is not a valid event goes to
 * the dead-letter topic gaplens.risk-service.dead-letter with the reason, and consumption goes on.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CHANNEL = "assessment-events";

    private static final Logger LOG = Logger.getLogger(AssessmentEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    RiskRegister register;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("event %s (%s) was applied before; ignored", event.id(), event.type().ceType());
            return;
        }
        String actor = "event " + event.type().ceType() + " " + event.id();
        switch (event.type()) {
            case GAP_IDENTIFIED -> register.applyGap(inbox.payload(event, GapIdentified.class), actor);
            case GAP_CLOSED -> register.closeGap(inbox.payload(event, GapClosed.class), actor);
            case ASSESSMENT_STARTED -> {
                AssessmentStarted started = inbox.payload(event, AssessmentStarted.class);
                register.applyScopeCriticality(started.tenantId(), started.assessmentId(),
                        Criticality.valueOf(started.scopeCriticality()), actor);
            }
            default -> {
                // Other assessment events carry nothing the risk register needs.
            }
        }
    }
}
