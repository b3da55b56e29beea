package io.gaplens.risk.messaging;

import io.gaplens.platform.inbox.EventInbox;
import io.gaplens.platform.inbox.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Rates gaps as the assessment service reports them. Each event is applied once, because the inbox
 * records its id in the same transaction as the effect. A record that is not a valid event goes to
 * the dead-letter topic gaplens.risk-service.dead-letter with the reason, and consumption goes on.
 */
@ApplicationScoped
public class AssessmentEventsConsumer {

    public static final String CHANNEL = "assessment-events";
    /** Maximum attempts to apply one event when a concurrent change of the same risk makes the commit fail. */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(AssessmentEventsConsumer.class);

    @Inject
    EventInbox inbox;

    @Inject
    AssessmentEventHandler handler;

    @Incoming(CHANNEL)
    @Blocking
    public void onAssessmentEvent(ConsumerRecord<String, String> record) {
        ReceivedEvent event = inbox.read(record);
        for (int attempt = 1; ; attempt++) {
            try {
                handler.apply(event);
                return;
            } catch (RuntimeException e) {
                if (!isConcurrentUpdate(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // NOTE: no test provokes this race. The retry reads the risk again in a new transaction.
                LOG.warnf("event %s (%s): a risk changed concurrently, attempt %d of %d failed; retrying",
                        event.id(), event.type().ceType(), attempt, MAX_ATTEMPTS);
            }
        }
    }

    private static boolean isConcurrentUpdate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
