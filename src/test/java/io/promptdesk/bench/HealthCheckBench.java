package io.promptdesk.bench;

import io.promptdesk.engine.rollout.CheckTrigger;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthEvaluator;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One health check of three metrics (error rate, p95 latency, engagement) over 10,000 requests per version, read
 * from the simulated service and compared by the regression engine (the issue asks for under 10 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class HealthCheckBench {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private HealthEvaluator evaluator;
    private Rollout rollout;
    private Instant now;

    @Setup
    public void setup() {
        SimulatedService sim = new SimulatedService(new SimulatedClock(T0), 42);
        sim.route("hooks", "1.0", "1.1", 50);
        sim.setRate("hooks", 1000);
        sim.advance(Duration.ofSeconds(20));
        now = T0.plusSeconds(20);
        RolloutPlan plan = RolloutPlan.of(50, java.util.List.of(50, 100), null, null, Duration.ofMinutes(5),
                Duration.ofSeconds(30), UnhealthyPolicy.PAUSE);
        rollout = new Rollout("ro-bench", "hooks", "1.1", "1.0", plan, RolloutStatus.IN_PROGRESS, 0, 50, T0, T0, null,
                null, null, 1);
        evaluator = new HealthEvaluator(sim, new RegressionHealthComparator(), RolloutSettings.DEFAULT_MIN_SAMPLES,
                RolloutSettings.DEFAULT_MAX_SAMPLES, 1);
        HealthCheck check = evaluator.evaluate(rollout, now, CheckTrigger.SCHEDULED, "bench");
        int canary = check.verdicts().get(0).canarySamples();
        if (canary < 9_500 || canary > 10_500) {
            throw new IllegalStateException("expected about 10,000 canary requests, got " + canary);
        }
    }

    @Benchmark
    public HealthCheck threeMetricsOver10kRequestsPerVersion() {
        return evaluator.evaluate(rollout, now, CheckTrigger.SCHEDULED, "bench");
    }
}
