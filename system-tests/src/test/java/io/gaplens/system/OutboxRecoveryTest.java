package io.gaplens.system;

import io.gaplens.client.catalog.api.CataloguesApi;
import io.gaplens.client.catalog.model.CatalogDocument;
import io.gaplens.client.catalog.model.Entry;
import io.gaplens.scenario.Clients;
import io.gaplens.scenario.GapLensStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A service that commits a state change and dies before its relay publishes the event loses
 * nothing: the outbox row survives, and the restarted service publishes it once.
 */
@ExtendWith(StackExtension.class)
class OutboxRecoveryTest {

    private static final String SERVICE = "catalog-service";
    private static final String TENANT = "outbox-recovery";

    private final GapLensStack stack;

    OutboxRecoveryTest(GapLensStack stack) {
        this.stack = stack;
    }

    @Test
    void eventCommittedBeforeCrashIsPublishedAfterRestart() throws Exception {
        stack.stopService(SERVICE);
        stack.startService(SERVICE, Map.of("gaplens.outbox.enabled", "false"));
        stack.awaitReady(SERVICE);

        CataloguesApi catalogues = new CataloguesApi(Clients.catalog(stack.url(SERVICE), stack.token(TENANT, "admin")));
        catalogues.importCatalog(new CatalogDocument()
                        .catalogId("crash-test-controls")
                        .version("1")
                        .title("Crash test controls")
                        .requirements(List.of(new Entry().ref("CT-1").kind("CONTROL").title("Encrypt laptops"))),
                null, null, null, null, null);
        catalogues.publishCatalogVersion("crash-test-controls", "1");

        String key = "crash-test-controls:1";
        List<ConsumerRecord<String, String>> beforeCrash = Topics.readUntil(stack.bootstrapServers(),
                "gaplens.catalog.events", record -> key.equals(record.key()), found -> false, Duration.ofSeconds(3));
        assertEquals(0, beforeCrash.size(), "the relay was off, so nothing may have been published yet");

        stack.kill(SERVICE);
        stack.startService(SERVICE);
        stack.awaitReady(SERVICE);

        List<ConsumerRecord<String, String>> afterRestart = Topics.readUntil(stack.bootstrapServers(),
                "gaplens.catalog.events", record -> key.equals(record.key()), found -> found.size() > 1,
                Duration.ofSeconds(20));
        assertEquals(1, afterRestart.size(), "the committed event is published exactly once after the restart");
        assertEquals(TENANT, Topics.header(afterRestart.get(0), "ce_tenantid"));
    }
}
