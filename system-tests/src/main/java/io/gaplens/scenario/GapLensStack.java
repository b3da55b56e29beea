package io.gaplens.scenario;

import io.gaplens.infra.FreePorts;
import io.gaplens.infra.KafkaBroker;
import io.gaplens.infra.LocalPostgres;
import io.gaplens.infra.LocalTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole GapLens stack as separate processes on 127.0.0.1: a real PostgreSQL, a real Kafka
 * broker and the five services started from their packaged jars, each with its own database.
 * Tokens are signed with a key pair generated for this stack.
 */
public final class GapLensStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of(
            "catalog-service", "assessment-service", "risk-service", "remediation-service", "reporting-service");
    public static final String ISSUER = "https://gaplens.system-test/issuer";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path root;
    private final Path directory;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Long> startedAtNanos = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final Map<String, List<String>> jvmOptions = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalPostgres postgres;
    private KafkaBroker kafka;

    /** Prepares a stack for the repository at {@code root}; {@link #start()} starts it. */
    public GapLensStack(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.directory = Files.createTempDirectory("gaplens-stack-");
    }

    public GapLensStack start() throws Exception {
        for (String service : SERVICES) {
            Path jar = jar(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -DskipTests package)");
            }
        }
        LocalTokens.generateKeys(directory.resolve("keys"));

        postgres = LocalPostgres.startTemporary();
        for (String service : SERVICES) {
            postgres.createDatabase(database(service));
        }
        kafka = KafkaBroker.onFreePorts().start();

        for (String service : SERVICES) {
            ports.put(service, FreePorts.next());
        }
        for (String service : SERVICES) {
            startService(service);
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
        return this;
    }

    /**
     * Adds JVM options to every later start of {@code service}, such as a Java Flight Recorder
     * recording. Call it before {@link #start()} to have them from the first start on.
     */
    public void addJvmOptions(String service, List<String> options) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("Unknown service " + service);
        }
        jvmOptions.computeIfAbsent(service, name -> new ArrayList<>()).addAll(options);
    }

    /** Starts {@code service} again after {@link #kill(String)} or {@link #stopService(String)}, on the same port. */
    public void startService(String service) throws IOException {
        startService(service, Map.of());
    }

    /** Starts {@code service} with extra system properties, such as {@code gaplens.outbox.enabled=false}. */
    public void startService(String service, Map<String, String> properties) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.addAll(jvmOptions.getOrDefault(service, List.of()));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port(service));
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(database(service)));
        command.add("-Dquarkus.datasource.username=" + LocalPostgres.USER);
        command.add("-Dquarkus.datasource.password=");
        command.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        command.add("-Dquarkus.oidc.public-key=" + Files.readString(directory.resolve("keys/public-key.b64")).trim());
        command.add("-Dquarkus.oidc.token.issuer=" + ISSUER);
        command.add("-Dassessment.catalog.url=" + url("catalog-service"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar(service).toString());
        Path log = directory.resolve(service + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.put(service, process);
        startedAtNanos.put(service, System.nanoTime());
        readyAfter.remove(service);
    }

    /** Waits until {@code service} reports ready health, or fails after three minutes. */
    public void awaitReady(String service) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(service);
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(service + " exited with code " + process.exitValue() + "; see " + log(service));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyAfter.putIfAbsent(service, Duration.ofNanos(System.nanoTime() - startedAtNanos.get(service)));
                    return;
                }
            } catch (IOException notYetListening) {
                // The service is still starting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(service + " was not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log(service));
    }

    /** Kills {@code service} with SIGKILL, as a crash would. */
    public void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops {@code service} with SIGTERM and waits for it to exit. */
    public void stopService(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Returns the time from starting {@code service}'s process to its first ready health answer seen by
     * {@link #awaitReady(String)}, or null before then. {@link #start()} starts all services first and then
     * polls them one after another every 500 ms, so the value is an upper bound on the real start-up time.
     */
    public Duration readyAfter(String service) {
        return readyAfter.get(service);
    }

    /** Returns the operating system's process id of {@code service}. */
    public long pid(String service) {
        Process process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("Service " + service + " was not started");
        }
        return process.pid();
    }

    public String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("Unknown service " + service);
        }
        return port;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public Path log(String service) {
        return directory.resolve(service + ".log");
    }

    /** Signs a bearer token of {@code tenant} with {@code roles}. */
    public String token(String tenant, String... roles) {
        try {
            String user = (roles.length == 0 ? "user" : roles[0]) + "@" + tenant;
            return LocalTokens.sign(directory.resolve("keys"), ISSUER, tenant, List.of(roles), user, 2);
        } catch (Exception e) {
            throw new IllegalStateException("Signing a token failed", e);
        }
    }

    public static String database(String service) {
        return service.replace("-service", "").replace('-', '_');
    }

    private Path jar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public void close() throws Exception {
        List<String> reversed = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reversed);
        for (String service : reversed) {
            stopService(service);
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
