package io.gaplens.reporting.messaging;

import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.gaplens.reporting.service.ReadModelWriter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read models current: one channel per topic, each event applied once. A record that is
 * not a valid GapLens event is nacked and goes to the dead-letter topic, and the next one is read.
 */
@ApplicationScoped
public class ReportingEventConsumer {

    public static final String ASSESSMENT_CHANNEL = "assessment-events";
    public static final String RISK_CHANNEL = "risk-events";
    public static final String REMEDIATION_CHANNEL = "remediation-events";

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelWriter writer;

    @Incoming(ASSESSMENT_CHANNEL)
    @Blocking
    @Transactional
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        applyOnce(record);
    }

    @Incoming(RISK_CHANNEL)
    @Blocking
    @Transactional
    public void onRiskEvent(ConsumerRecord<String, String> record) {
        applyOnce(record);
    }

    @Incoming(REMEDIATION_CHANNEL)
    @Blocking
    @Transactional
    public void onRemediationEvent(ConsumerRecord<String, String> record) {
        applyOnce(record);
    }

    private void applyOnce(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        if (!ReadModelWriter.handles(event.type()) || !inbox.firstDelivery(event)) {
            return;
        }
        writer.apply(event);
    }
}
