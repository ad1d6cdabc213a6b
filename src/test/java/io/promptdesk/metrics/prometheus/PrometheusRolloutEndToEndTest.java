package io.promptdesk.metrics.prometheus;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.MetricVerdict;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutListener;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsHttpServer;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Sleeper;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path in real time: the simulated service serves traffic, a real Prometheus scrapes it every second,
 * a rollout's health checks run PromQL against that Prometheus, and a fault injected into the canary is seen there
 * and pauses the rollout. Checks before there is enough data are inconclusive and the rollout holds.
 */
class PrometheusRolloutEndToEndTest {
    private static final Attribution ANA = Attribution.of("ana", "release 1.1");

    @TempDir
    Path dir;

    @Test
    void aFaultyCanarySeenThroughPrometheusPausesTheRollout() throws Exception {
        LocalPrometheus.requireBinary("prometheus");
        Clock clock = Clock.systemUTC();
        SimulatedService sim = new SimulatedService(clock, 11);
        sim.setDefaultRate(300);
        sim.route("hooks", "1.0", null, 0);
        sim.injectFault("hooks", "1.1", 3, 0.08);
        List<HealthCheck> checks = new CopyOnWriteArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        try (Database db = Database.open(Workspace.databaseFile(dir.resolve("ws")));
             MetricsHttpServer metrics = MetricsHttpServer.start(() -> {
                 sim.catchUp();
                 return sim.prometheusText();
             }, 0);
             LocalPrometheus prometheus = LocalPrometheus.start(dir, metrics.port(), Duration.ofSeconds(1));
             PrometheusMetricsSource source = new PrometheusMetricsSource(new PrometheusClient(
                     RemoteEndpoint.of("Prometheus", prometheus.url()), Sleeper.REAL), HealthQueries.defaults(),
                     Duration.ofSeconds(1), Duration.ofSeconds(5))) {
            ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
            registry.register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                    VersionStatus.STABLE, Map.of()), ANA);
            registry.register(NewVersion.candidate("hooks", "1.1", "Write a short hook about {topic}"), ANA);
            RolloutListener listener = new RolloutListener() {
                @Override
                public void onEvent(RolloutEvent event) {
                    if (event.kind() == RolloutEventKind.PAUSED) {
                        paused.countDown();
                    }
                }

                @Override
                public void onHealthCheck(HealthCheck check) {
                    checks.add(check);
                }
            };
            RolloutEnvironment env = new RolloutEnvironment(new JdbcRolloutRepository(db), registry, source,
                    new RegressionHealthComparator(), sim::route, clock, listener);
            GradualRolloutManager manager = new GradualRolloutManager("hooks", env,
                    RolloutSettings.defaults("ana").withMinSamples(50));
            manager.startRollout("1.1", RolloutPlan.of(50, List.of(50, 100), null, null, Duration.ofMinutes(1),
                    Duration.ofSeconds(3), UnhealthyPolicy.PAUSE), ANA);
            driver.scheduleWithFixedDelay(manager::tick, 200, 200, TimeUnit.MILLISECONDS);

            assertThat(paused.await(30, TimeUnit.SECONDS)).as("paused within 30 s; checks: %s", checks).isTrue();
            driver.shutdownNow();
            assertThat(driver.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            Rollout r = manager.status();
            assertThat(r.status()).isEqualTo(RolloutStatus.PAUSED);
            assertThat(r.currentPercentage()).isEqualTo(50);
            HealthCheck first = checks.get(0);
            assertThat(first.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
            assertThat(first.verdicts().get(0).reason()).startsWith("too little data");
            HealthCheck last = checks.get(checks.size() - 1);
            assertThat(last.outcome()).isEqualTo(HealthOutcome.UNHEALTHY);
            assertThat(checks.subList(0, checks.size() - 1)).extracting(HealthCheck::outcome)
                    .containsOnly(HealthOutcome.INCONCLUSIVE);
            MetricVerdict errors = last.verdicts().stream().filter(v -> v.metric() == Metric.ERROR_RATE)
                    .findFirst().orElseThrow();
            assertThat(errors.canaryValue()).isBetween(0.04, 0.14);
            assertThat(errors.stableValue()).isLessThan(0.03);
            assertThat(last.explanation()).containsAnyOf("error_rate: increased", "latency_p95: increased");
        } finally {
            driver.shutdownNow();
        }
    }
}
