package io.promptdesk.bench;

import io.promptdesk.engine.rollout.CheckTrigger;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthEvaluator;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.MetricsHttpServer;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.metrics.prometheus.HealthQueries;
import io.promptdesk.metrics.prometheus.LocalPrometheus;
import io.promptdesk.metrics.prometheus.PrometheusClient;
import io.promptdesk.metrics.prometheus.PrometheusMetricsSource;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Sleeper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One health check of three metrics through PromQL against a real local Prometheus (Debian's package) that scrapes
 * the simulated service every second: 6 observations, 18 HTTP queries (the issue asks for under 50 ms).
 * Setup waits until the check window holds enough scraped data for a conclusive verdict.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class PrometheusHealthCheckBench {
    private Path dir;
    private MetricsHttpServer metrics;
    private LocalPrometheus prometheus;
    private PrometheusMetricsSource source;
    private HealthEvaluator evaluator;
    private Rollout rollout;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        if (LocalPrometheus.binary("prometheus").isEmpty()) {
            throw new IllegalStateException("install Debian's prometheus package to run this benchmark");
        }
        dir = Files.createTempDirectory("prom-bench");
        SimulatedService sim = new SimulatedService(Clock.systemUTC(), 3);
        sim.setDefaultRate(200);
        sim.route("hooks", "1.0", "1.1", 50);
        metrics = MetricsHttpServer.start(() -> {
            sim.catchUp();
            return sim.prometheusText();
        }, 0);
        prometheus = LocalPrometheus.start(dir, metrics.port(), Duration.ofSeconds(1));
        source = new PrometheusMetricsSource(new PrometheusClient(RemoteEndpoint.of("Prometheus", prometheus.url()),
                Sleeper.REAL), HealthQueries.defaults(), Duration.ofSeconds(1), Duration.ofSeconds(5));
        RolloutPlan plan = RolloutPlan.of(50, List.of(50, 100), null, null, Duration.ofMinutes(1),
                Duration.ofSeconds(5), UnhealthyPolicy.PAUSE);
        Instant start = Instant.now().minusSeconds(600);
        rollout = new Rollout("ro-bench", "hooks", "1.1", "1.0", plan, RolloutStatus.IN_PROGRESS, 0, 50, start, start,
                null, null, null, 1);
        evaluator = new HealthEvaluator(source, new RegressionHealthComparator(), 50,
                RolloutSettings.DEFAULT_MAX_SAMPLES, 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HealthCheck c = check();
        while (c.outcome() == HealthOutcome.INCONCLUSIVE && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            c = check();
        }
        if (c.outcome() == HealthOutcome.INCONCLUSIVE) {
            throw new IllegalStateException("no conclusive check after 60 s: " + c.explanation());
        }
    }

    private HealthCheck check() {
        return evaluator.evaluate(rollout, Instant.now(), CheckTrigger.SCHEDULED, "bench");
    }

    @Benchmark
    public HealthCheck threeMetricsThroughPromQl() {
        return check();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.io.IOException {
        source.close();
        prometheus.close();
        metrics.close();
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
