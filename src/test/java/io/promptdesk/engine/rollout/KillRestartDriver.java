package io.promptdesk.engine.rollout;

import io.promptdesk.json.Json;
import io.promptdesk.metrics.ScaledClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The child process of {@link KillRestartTest}: drives a rollout of "hooks" in scaled time and prints one line per
 * committed change, rolling out one version after another until the parent kills it (or, with {@code once}, until
 * the current rollout ends). Started again, it first prints the state it recovered from the store. Arguments:
 * workspace, base origin (epoch ms), time scale, seed, and {@code loop} or {@code once}.
 */
public final class KillRestartDriver {
    static final Instant SCALED_ORIGIN = Instant.parse("2025-03-01T10:00:00Z");

    private KillRestartDriver() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Path workspace = Path.of(args[0]);
        Clock clock = new ScaledClock(Clock.systemUTC(), Instant.ofEpochMilli(Long.parseLong(args[1])), SCALED_ORIGIN,
                Double.parseDouble(args[2]));
        SimulatedService sim = new SimulatedService(clock, Long.parseLong(args[3]));
        sim.setDefaultRate(400);
        Database db = Database.open(Workspace.databaseFile(workspace));
        ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        RolloutRepository rollouts = new JdbcRolloutRepository(db);
        RolloutEnvironment env = new RolloutEnvironment(rollouts, registry, sim, new RegressionHealthComparator(),
                sim::route, clock, new RolloutListener() {
            @Override
            public void onEvent(RolloutEvent event) {
                out.println("EVENT " + event.seq() + " " + event.kind().key());
            }

            @Override
            public void onHealthCheck(HealthCheck check) {
                out.println("CHECK " + check.seq() + " " + check.outcome().key());
            }
        });
        GradualRolloutManager manager = new GradualRolloutManager("hooks", env, RolloutSettings.defaults("driver"));
        Optional<Rollout> recovered = manager.recover();
        out.println("LOADED " + (recovered.isEmpty() ? "{}" : Json.write(describe(recovered.get(), sim))));
        boolean once = args.length > 4 && args[4].equals("once");
        while (true) {
            sim.catchUp();
            Optional<Rollout> latest = manager.tick();
            if (latest.isPresent() && latest.get().status() == RolloutStatus.PAUSED) {
                // An operator looks, finds nothing wrong, and resumes.
                manager.resumeRollout(Attribution.of("driver", "resumed after a look"));
            } else if (latest.isEmpty() || !latest.get().status().active()) {
                if (latest.isPresent()) {
                    out.println("DONE " + latest.get().status().key());
                    if (once) {
                        db.close();
                        return;
                    }
                }
                startNext(registry, manager);
            }
            // A driver paces itself; a few real milliseconds are seconds of scaled time.
            Thread.sleep(2);
        }
    }

    /** Registers the next version (the first time also a production one) and rolls it out. */
    private static void startNext(ModelRegistry registry, GradualRolloutManager manager) {
        Attribution by = Attribution.of("driver", "kill test");
        if (registry.models().isEmpty()) {
            registry.register(new NewVersion("hooks", "1.0", "Hi {topic}", null, null, VersionStatus.STABLE, Map.of()),
                    by);
        }
        String next = "1." + registry.versions("hooks").size();
        registry.register(NewVersion.candidate("hooks", next, "Hello {topic}, take " + next), by);
        manager.startRollout(next, RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5),
                Duration.ofSeconds(30), UnhealthyPolicy.PAUSE), by);
    }

    /** What must survive a kill: the state, its stage clock, and the traffic split it was recovered into. */
    static Map<String, Object> describe(Rollout r, SimulatedService sim) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rollout_id", r.rolloutId());
        m.put("status", r.status().key());
        m.put("current_stage", r.currentStage());
        m.put("current_percentage", r.currentPercentage());
        m.put("stage_started_at", r.stageStartedAt().toString());
        m.put("paused_at", r.pausedAt() == null ? null : r.pausedAt().toString());
        m.put("revision", r.revision());
        m.put("last_check", r.lastCheck() == null ? null : r.lastCheck().at().toString());
        if (sim != null) {
            m.put("routed_percent", sim.split("hooks").map(s -> s.canaryVersion() == null ? 0 : s.canaryPercent())
                    .orElse(-1));
        }
        return m;
    }
}
