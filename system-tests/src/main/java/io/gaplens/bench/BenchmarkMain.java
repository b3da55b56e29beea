package io.gaplens.bench;

import io.gaplens.scenario.GapLensStack;
import io.gaplens.scenario.Sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures GapLens against the infrastructure it runs on, in one run on one machine: answer
 * ingestion against raw JDBC inserts, the event pipeline against a raw Kafka hop, report times
 * against a plain SQL aggregate, and each service's start-up time and resident memory. It starts
 * its own stack on free 127.0.0.1 ports, seeds its own data and prints a markdown table.
 */
public final class BenchmarkMain {

    /** Sizes of one run. With the defaults, one run on a two-core machine took about ten minutes (see docs/benchmarks.md). */
    record Options(Path root, Path sample, Path output, int singleAnswers, int bulkAssessments,
                   int pipelineSamples, int pipelineWarmUp, int pipelineIntervalMillis, int rawHopSamples, List<Integer> tenantSizes,
                   int reportRepeats, List<String> recorded) {

        static Options parse(String[] args) {
            Path root = Path.of(".");
            Path sample = null;
            Path output = null;
            int single = 246;
            int bulk = 20;
            int samples = 100;
            int warmUp = 10;
            int interval = 200;
            int rawHops = 200;
            List<Integer> sizes = List.of(10, 100, 1000);
            int repeats = 20;
            List<String> recorded = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--root" -> root = Path.of(value);
                    case "--sample" -> sample = Path.of(value);
                    case "--output" -> output = Path.of(value);
                    case "--single-answers" -> single = positive(name, value);
                    case "--bulk-assessments" -> bulk = positive(name, value);
                    case "--pipeline-samples" -> samples = positive(name, value);
                    case "--pipeline-warm-up" -> warmUp = positive(name, value);
                    case "--pipeline-interval-ms" -> interval = positive(name, value);
                    case "--raw-hop-samples" -> rawHops = positive(name, value);
                    case "--report-repeats" -> repeats = positive(name, value);
                    case "--record" -> {
                        if (!GapLensStack.SERVICES.contains(value)) {
                            throw new IllegalArgumentException(name + " takes one of " + GapLensStack.SERVICES + ", got " + value);
                        }
                        recorded.add(value);
                    }
                    case "--tenant-sizes" -> {
                        List<Integer> parsed = new ArrayList<>();
                        for (String part : value.split(",")) {
                            parsed.add(positive(name, part.trim()));
                        }
                        parsed.sort(null);
                        sizes = parsed;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + name);
                }
            }
            return new Options(root, sample == null ? root.resolve("deploy/sample") : sample, output, single, bulk,
                    samples, warmUp, interval, rawHops, sizes, repeats, List.copyOf(recorded));
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException invalid) {
                // Reported below with the option's name.
            }
            throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException invalid) {
            System.err.println("error: " + invalid.getMessage());
            System.exit(2);
            return;
        }
        Sample sample = Sample.load(options.sample());
        Results results = new Results();
        Instant begin = Instant.now();
        GapLensStack stack = new GapLensStack(options.root());
        for (String service : options.recorded()) {
            // The recording is written when the service stops at the end of the run.
            Path recording = Path.of(System.getProperty("java.io.tmpdir")).resolve("gaplens-" + service + ".jfr").toAbsolutePath();
            stack.addJvmOptions(service, List.of("-XX:StartFlightRecording=settings=profile,filename=" + recording));
            log("recording " + service + " with Java Flight Recorder into " + recording);
        }
        AtomicBoolean closed = new AtomicBoolean();
        // An interrupted run (Ctrl-C, SIGTERM) still stops every process that the stack started.
        Thread stopOnExit = new Thread(() -> closeOnce(stack, closed), "stop-stack");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            log("starting PostgreSQL, Kafka and the five services on free 127.0.0.1 ports");
            stack.start();
            Footprint footprint = new Footprint(stack);
            footprint.recordStartUp();
            Thread.sleep(5_000);
            footprint.recordIdle();

            Workload workload = new Workload(stack, sample);
            new IngestionBenchmark(stack, workload, options, results).run();
            new PipelineBenchmark(stack, workload, options, results).run();
            new ReportBenchmark(stack, workload, options, results).run();
            footprint.recordAfterLoad();
            results.footprint(footprint);
        } finally {
            log("stopping the stack");
            closeOnce(stack, closed);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting, and the hook finds the stack closed.
            }
        }
        String table = results.table(Duration.between(begin, Instant.now()));
        System.out.println();
        System.out.println(table);
        if (options.output() != null) {
            Files.writeString(options.output(), table);
            log("wrote the table to " + options.output());
        }
    }

    /** Closes the stack once; a second caller waits until the first has finished. */
    private static synchronized void closeOnce(GapLensStack stack, AtomicBoolean closed) {
        if (closed.compareAndSet(false, true)) {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("Stopping the stack failed: " + e);
            }
        }
    }

    static void log(String message) {
        System.out.println("[benchmark " + Instant.now().toString().substring(11, 19) + "] " + message);
    }
}
