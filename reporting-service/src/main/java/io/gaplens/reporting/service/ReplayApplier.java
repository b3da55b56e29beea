package io.gaplens.reporting.service;

import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.PoisonEventException;
import io.gaplens.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Applies one replayed record of a rebuild, in its own transaction, through the live consumer's path. */
@ApplicationScoped
public class ReplayApplier {

    private static final Logger LOG = Logger.getLogger(ReplayApplier.class);

    /** The outcome of one replayed record. */
    public enum Outcome { APPLIED, OTHER_TENANT, ALREADY_APPLIED, IGNORED_TYPE, POISON }

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelWriter writer;

    @Transactional
    public Outcome replay(ConsumerRecord<String, String> record, String tenantId) {
        ReceivedEvent event;
        try {
            event = inbox.read(record);
        } catch (PoisonEventException e) {
            LOG.warnf("rebuild of tenant %s: skipped invalid record %s-%d@%d: %s", tenantId, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Outcome.POISON;
        }
        if (!tenantId.equals(event.data().path("tenantId").asText())) {
            return Outcome.OTHER_TENANT;
        }
        if (!ReadModelWriter.handles(event.type())) {
            return Outcome.IGNORED_TYPE;
        }
        if (!inbox.firstDelivery(event)) {
            return Outcome.ALREADY_APPLIED;
        }
        writer.apply(event);
        return Outcome.APPLIED;
    }
}
