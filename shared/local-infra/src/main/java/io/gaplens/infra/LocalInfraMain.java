package io.gaplens.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs PostgreSQL and a Kafka broker for the local stack until the process is stopped.
 *
 * <p>Usage: {@code LocalInfraMain DIRECTORY POSTGRES_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT DATABASE...}.
 * Data stays in DIRECTORY across restarts. SIGTERM stops both servers cleanly.
 */
public final class LocalInfraMain {

    private LocalInfraMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LocalInfraMain DIRECTORY POSTGRES_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT DATABASE...");
            System.exit(2);
        }
        Path directory = Path.of(args[0]).toAbsolutePath();
        int postgresPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);
        List<String> databases = List.of(args).subList(4, args.length);

        Files.createDirectories(directory.resolve("postgres"));
        Files.createDirectories(directory.resolve("kafka"));

        LocalPostgres postgres = LocalPostgres.startPersistent(directory.resolve("postgres"), postgresPort);
        for (String database : databases) {
            postgres.createDatabase(database);
        }
        System.out.println("PostgreSQL listening on 127.0.0.1:" + postgres.port() + ", databases " + databases);

        KafkaBroker kafka;
        try {
            kafka = new KafkaBroker(directory.resolve("kafka"), kafkaPort, controllerPort).start();
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        System.out.println("Kafka broker listening on " + kafka.bootstrapServers() + " (pid " + kafka.pid() + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
                postgres.close();
                System.out.println("PostgreSQL and Kafka stopped");
            } catch (Exception e) {
                System.err.println("Stopping the local infrastructure failed: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("ready");
        stopped.await();
    }
}
