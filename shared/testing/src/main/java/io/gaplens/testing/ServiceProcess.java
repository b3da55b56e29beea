package io.gaplens.testing;

import io.gaplens.infra.FreePorts;

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
 * Another GapLens service, started from its packaged jar ({@code ../<service>/target/quarkus-app/quarkus-run.jar})
 * as a child JVM on a free port of 127.0.0.1, so that a service's tests can call the real one.
 *
 * <p>The caller passes the configuration (database, Kafka, OIDC key); the process listens on
 * 127.0.0.1 only. Its output goes to {@code target/<service>-process.log} of the calling module.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The longest wait for {@code /q/health/ready} to answer 200 after the JVM starts. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final String service;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String service, Process process, int port, Path log) {
        this.service = service;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Returns the jar of {@code service} in the sibling module, relative to the calling module's directory. */
    public static Path jarOf(String service) {
        return Path.of("..", service, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
    }

    /**
     * Starts {@code service} with {@code config} as system properties and waits until it is ready.
     *
     * @throws IllegalStateException when the jar is missing, the process exits, or it is not ready within
     *         {@link #READY_TIMEOUT}; the message names the log file
     */
    public static ServiceProcess start(String service, Map<String, String> config) throws IOException {
        Path jar = jarOf(service);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the service first with"
                    + " ./mvnw -B -ntp -o package -DskipTests -pl " + service);
        }
        int port = FreePorts.next();
        Map<String, String> properties = new LinkedHashMap<>(config);
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", Integer.toString(port));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar.toString());

        Path log = Path.of("target", service + "-process.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess started = new ServiceProcess(service, process, port, log);
        try {
            started.awaitReady();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public String service() {
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with status " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet: poll again below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service, e);
            }
        }
        throw new IllegalStateException(service + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    /** Stops the process by its PID: a normal shutdown first, then a forced one after a bounded wait. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
