package io.gaplens.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in id order, as CloudEvents in binary mode, and marks each row
 * sent once the broker has acknowledged it. A crash between commit and publish leaves the row
 * unsent, so the next run publishes it: delivery is at least once, and consumers drop duplicates
 * by event id.
 *
 * <p>Rows are locked with {@code for update skip locked}, so several replicas can relay at once.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "gaplens-outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxSender sender;

    /**
     * Runs relays requested after a commit. It is a plain executor because a managed one would
     * carry the committed transaction's context into the task.
     */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gaplens-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    @ConfigProperty(name = "gaplens.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "gaplens.outbox.send-timeout", defaultValue = "PT30S")
    Duration sendTimeout;

    @ConfigProperty(name = "gaplens.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean stopping;
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Starts relaying once the application, and with it the Kafka channel, is up. */
    void onStart(@Observes StartupEvent startup) {
        started = true;
        requested.set(true);
        executor.execute(this::relayUntilEmpty);
    }

    /** Stops relaying when the application shuts down, before the Kafka channel goes away. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdownNow();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventPublisher.OutboxWritten written) {
        requested.set(true);
        if (!stopping) {
            executor.execute(this::relayUntilEmpty);
        }
    }

    @Scheduled(every = "${gaplens.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        requested.set(true);
        relayUntilEmpty();
    }

    /** Relays batches until none is left; a concurrent call returns at once and leaves the work to the running one. */
    void relayUntilEmpty() {
        if (!enabled || !started || stopping) {
            return;
        }
        while (requested.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                requested.set(true);
                return;
            }
            try {
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == batchSize);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox relay failed; unsent events are retried on the next poll");
            } finally {
                running.set(false);
            }
        }
    }

    /** Publishes one batch of unsent rows and returns how many were acknowledged. */
    @Transactional
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, event_id, tenant_id, topic, record_key, ce_type, ce_source, ce_subject,
                               occurred_at, payload
                        from gaplens_outbox
                        where sent_at is null
                        order by id
                        limit ?
                        for update skip locked
                        """)
                .setParameter(1, batchSize)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }

        List<Long> sentIds = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            try {
                sender.send(row[1].toString(), (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                        (String) row[6], (String) row[7], time(row[8]), (String) row[9]).await().atMost(sendTimeout);
                sentIds.add(id);
            } catch (RuntimeException e) {
                // Later rows may share this row's key, so they wait for the next run to keep their order.
                LOG.warnf(e, "Publishing outbox event %s to %s failed", row[1], row[3]);
                entityManager.createNativeQuery(
                                "update gaplens_outbox set attempts = attempts + 1, last_error = ? where id = ?")
                        .setParameter(1, String.valueOf(e.getMessage()))
                        .setParameter(2, id)
                        .executeUpdate();
                break;
            }
        }

        if (!sentIds.isEmpty()) {
            entityManager.createNativeQuery("update gaplens_outbox set sent_at = :sentAt where id in (:ids)")
                    .setParameter("sentAt", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("ids", sentIds)
                    .executeUpdate();
            LOG.debugf("Outbox relay published %d events", sentIds.size());
        }
        return sentIds.size();
    }

    static String time(Object value) {
        OffsetDateTime time;
        if (value instanceof OffsetDateTime offset) {
            time = offset;
        } else if (value instanceof java.time.Instant instant) {
            time = instant.atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp timestamp) {
            time = timestamp.toInstant().atOffset(ZoneOffset.UTC);
        } else {
            time = OffsetDateTime.parse(value.toString());
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
