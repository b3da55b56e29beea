package io.gaplens.assessment.messaging;

import io.gaplens.assessment.domain.Assessment;
import io.gaplens.assessment.service.AnswerService;
import io.gaplens.platform.events.RemediationCompleted;
import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies RemediationCompleted: the requirements the action covered are marked remediated and
 * awaiting re-evaluation. Their gaps stay open until an assessor records a new answer. A completed
 * or archived assessment is read-only, so an event for it changes nothing.
 */
@ApplicationScoped
public class RemediationEventsConsumer {

    public static final String CHANNEL = "remediation-events";

    private static final Logger LOG = Logger.getLogger(RemediationEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    AnswerService answers;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onRemediationEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s was applied before; ignored", event.id());
            return;
        }
        switch (event.type()) {
            case REMEDIATION_COMPLETED -> apply(inbox.payload(event, RemediationCompleted.class));
            default -> {
            }
        }
    }

    private void apply(RemediationCompleted completed) {
        Assessment assessment = Assessment.findForTenant(completed.tenantId(), completed.assessmentId()).orElse(null);
        if (assessment == null) {
            LOG.warnf("RemediationCompleted of action %s names assessment %s of tenant %s, which does not exist;"
                    + " ignored", completed.actionId(), completed.assessmentId(), completed.tenantId());
            return;
        }
        if (assessment.status.isReadOnly()) {
            LOG.infof("Assessment %s is %s and read-only: remediation action %s is left for its re-assessment",
                    assessment.id, assessment.status, completed.actionId());
            return;
        }
        int marked = answers.markRemediated(assessment, completed.requirementRefs(), completed.actionId(),
                completed.completedBy());
        LOG.infof("Assessment %s: remediation action %s completed, %d requirements await re-evaluation",
                assessment.id, completed.actionId(), marked);
    }
}
