package io.gaplens.bench;

import io.gaplens.scenario.GapLensStack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time and resident memory of each service. Resident memory is VmRSS from
 * /proc/PID/status (Linux only). Start-up is both the stack's process-start-to-ready time and the
 * "started in" time that Quarkus logs.
 */
final class Footprint {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    /** One service's figures; memory in MiB, times in seconds, -1 when unknown. */
    record Service(double readySeconds, double quarkusSeconds, double idleMebibytes, double loadedMebibytes) {
    }

    private final GapLensStack stack;
    private final Map<String, double[]> figures = new LinkedHashMap<>();

    Footprint(GapLensStack stack) {
        this.stack = stack;
        for (String service : GapLensStack.SERVICES) {
            figures.put(service, new double[] {-1, -1, -1, -1});
        }
    }

    void recordStartUp() throws IOException {
        for (String service : GapLensStack.SERVICES) {
            Duration ready = stack.readyAfter(service);
            figures.get(service)[0] = ready == null ? -1 : ready.toMillis() / 1000.0;
            figures.get(service)[1] = quarkusStartSeconds(stack.log(service));
        }
    }

    void recordIdle() throws IOException {
        for (String service : GapLensStack.SERVICES) {
            figures.get(service)[2] = residentMebibytes(stack.pid(service));
        }
    }

    void recordAfterLoad() throws IOException {
        for (String service : GapLensStack.SERVICES) {
            figures.get(service)[3] = residentMebibytes(stack.pid(service));
        }
    }

    Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        figures.forEach((name, values) -> services.put(name, new Service(values[0], values[1], values[2], values[3])));
        return services;
    }

    private static double quarkusStartSeconds(Path log) throws IOException {
        if (!Files.exists(log)) {
            return -1;
        }
        Matcher matcher = QUARKUS_STARTED.matcher(Files.readString(log));
        double seconds = -1;
        while (matcher.find()) {
            seconds = Double.parseDouble(matcher.group(1));
        }
        return seconds;
    }

    private static double residentMebibytes(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        Matcher matcher = VM_RSS.matcher(Files.readString(status));
        return matcher.find() ? Long.parseLong(matcher.group(1)) / 1024.0 : -1;
    }
}
