package io.gaplens.risk.messaging;

import io.gaplens.platform.events.AssessmentStarted;
import io.gaplens.platform.events.GapClosed;
import io.gaplens.platform.events.GapIdentified;
import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.gaplens.risk.domain.Criticality;
import io.gaplens.risk.service.RiskRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Applies one assessment event in one transaction, together with the inbox row that marks it as applied. */
@ApplicationScoped
public class AssessmentEventHandler {

    private static final Logger LOG = Logger.getLogger(AssessmentEventHandler.class);

    @Inject
    EventInbox inbox;

    @Inject
    RiskRegister register;

    @Transactional
    public void apply(ReceivedEvent event) {
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
