package io.gaplens.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one process),
 * run as a child JVM so that Kafka's server jars stay off the caller's class path.
 *
 * <p>Both listeners bind to 127.0.0.1 only. The storage directory is formatted on first start and
 * reused afterwards, so the local stack keeps its topics across restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Creates a broker on two free loopback ports in a new temporary directory. */
    public static KafkaBroker onFreePorts() throws IOException {
        Path directory = Files.createTempDirectory("gaplens-kafka-");
        return new KafkaBroker(directory, FreePorts.next(), FreePorts.next());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }

    /** Formats the storage if needed, starts the broker and waits until it accepts connections. */
    public KafkaBroker start() throws IOException, InterruptedException {
        Path config = writeServerProperties();
        Path logConfig = writeLogConfig();
        String classpath = brokerClasspath();

        Path dataDirectory = directory.resolve("data");
        if (!Files.exists(dataDirectory.resolve("meta.properties"))) {
            runToCompletion(classpath, logConfig, List.of("kafka.tools.StorageTool", "format",
                    "--config", config.toString(),
                    "--cluster-id", clusterId(),
                    "--ignore-formatted"));
        }

        List<String> command = javaCommand(classpath, logConfig);
        command.add("kafka.Kafka");
        command.add(config.toString());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                .start();

        awaitPort();
        return this;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker gracefully, and forcibly if it has not exited within 30 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String clusterId() throws IOException {
        // A KRaft cluster id is 16 bytes in URL-safe base64; it is kept so a re-format reuses it.
        Path idFile = directory.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        // An id that starts with '-' would be read as an option by the storage tool, so draw again.
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
        } while (id.startsWith("-"));
        Files.writeString(idFile, id);
        return id;
    }

    private Path writeServerProperties() throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private Path writeLogConfig() throws IOException {
        String config = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = out",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "");
        Path file = directory.resolve("log4j2.properties");
        Files.writeString(file, config);
        return file;
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + CLASSPATH_RESOURCE
                        + " is missing: build gaplens-local-infra with Maven so that it lists the broker's jars");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private List<String> javaCommand(String classpath, Path logConfig) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Dlog4j2.configurationFile=" + logConfig);
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private void runToCompletion(String classpath, Path logConfig, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(classpath, logConfig);
        command.addAll(arguments);
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting Kafka storage timed out; see " + directory.resolve("broker.log"));
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed with exit code " + format.exitValue()
                    + "; see " + directory.resolve("broker.log"));
        }
    }

    private void awaitPort() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                        + "; see " + directory.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYetListening) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("Kafka broker did not listen on " + bootstrapServers()
                + " within " + START_TIMEOUT.toSeconds() + " s; see " + directory.resolve("broker.log"));
    }
}
