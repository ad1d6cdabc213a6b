package io.promptdesk.bench;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the health gate behaves over many seeded rollouts with the default settings (stages 10/25/50/100, 5 min
 * stages, 30 s checks): how often a healthy canary is stopped by mistake, and how soon a canary made 3x slower with
 * 8% errors two minutes in is paused. Run: {@code java -cp ... io.promptdesk.bench.RolloutCalibration [runs] [rate]}.
 */
public final class RolloutCalibration {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(10);

    private RolloutCalibration() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 200;
        int falseStops = 0;
        List<Long> delays = new ArrayList<>();
        int missed = 0;
        for (int seed = 1; seed <= runs; seed++) {
            if (run(seed, rate, false) != null) {
                falseStops++;
            }
            Duration delay = run(10_000 + seed, rate, true);
            if (delay == null) {
                missed++;
            } else {
                delays.add(delay.toSeconds());
            }
        }
        delays.sort(Comparator.naturalOrder());
        System.out.printf(Locale.ROOT, "%d healthy rollouts at %.0f req/s: %d stopped by mistake%n", runs, rate,
                falseStops);
        System.out.printf(Locale.ROOT, "%d faulty canaries (3x latency, 8%% errors): %d missed; paused after %s s "
                        + "(median %s s)%n", runs, missed, delays.isEmpty() ? "-" : delays.get(0) + ".."
                        + delays.get(delays.size() - 1), delays.isEmpty() ? "-" : delays.get(delays.size() / 2));
    }

    /** The time from the fault (or the start) to the first stop, or null if the rollout was never stopped. */
    private static Duration run(long seed, double rate, boolean fault) throws IOException {
        Path dir = Files.createTempDirectory("calibration");
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            SimulatedClock clock = new SimulatedClock(T0);
            SimulatedService sim = new SimulatedService(clock, seed);
            sim.setDefaultRate(rate);
            EmbeddedModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
            Attribution by = Attribution.of("calibration", null);
            registry.register(new NewVersion("hooks", "1.0", "Hi {topic}", null, null, VersionStatus.STABLE, Map.of()),
                    by);
            registry.register(NewVersion.candidate("hooks", "1.1", "Hello {topic}"), by);
            GradualRolloutManager m = new GradualRolloutManager("hooks", new RolloutEnvironment(
                    new JdbcRolloutRepository(db), registry, sim, new RegressionHealthComparator(), sim::route, clock,
                    null), RolloutSettings.defaults("calibration"));
            m.startRollout("1.1", RolloutPlan.of(null, null, null, null, null, null, UnhealthyPolicy.PAUSE), by);
            Instant faultAt = T0.plus(Duration.ofMinutes(2));
            while (clock.instant().isBefore(T0.plus(Duration.ofMinutes(20)))) {
                if (fault && clock.instant().equals(faultAt)) {
                    sim.injectFault("hooks", "1.1", 3, 0.08);
                }
                clock.advance(STEP);
                sim.catchUp();
                Rollout r = m.tick().orElseThrow();
                if (r.status() == RolloutStatus.PAUSED) {
                    RolloutEvent e = m.events().get(m.events().size() - 1);
                    return Duration.between(fault ? faultAt : T0, e.at());
                }
                if (r.status() == RolloutStatus.COMPLETED) {
                    return null;
                }
            }
            return null;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
