package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.metrics.SimulatedClock;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's rollouts on the engines its connections name: their metrics source and their router. */
class RolloutConsoleEnginesTest {
    @TempDir
    Path dir;
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final List<String> routed = new ArrayList<>();
    private final List<String> queried = new ArrayList<>();
    private boolean routerDown;
    private Database db;
    private ModelRegistry registry;
    private RolloutConsole console;

    @BeforeEach
    void setUp() {
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        Attribution by = Attribution.of("ana", "fixture");
        registry.register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                VersionStatus.STABLE, Map.of()), by);
        registry.register(NewVersion.candidate("hooks", "1.1", "Write a short hook about {topic}"), by);
        // A remote metrics source with no data yet, and a remote router: neither is the simulator.
        console = new RolloutConsole(new RolloutServices(new JdbcRolloutRepository(db), registry,
                new SimulatedService(clock, 5), (d, v, m, from, to) -> {
                    queried.add(d + " " + v + " " + m.key());
                    return new double[0];
                }, (d, s, c, p) -> {
                    if (routerDown) {
                        throw new RolloutException("traffic webhook http://127.0.0.1:9/route did not answer");
                    }
                    routed.add(d + " " + s + " " + c + " " + p);
                }, clock, "ana"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String start() {
        return console.start(new StartRequest("hooks", "1.1", RolloutPlan.of(null, List.of(10, 50, 100), null, null,
                Duration.ofMinutes(5), Duration.ofSeconds(30), null), "release 1.1")).selectedId();
    }

    @Test
    void healthComesFromTheConfiguredSourceAndTrafficGoesThroughTheConfiguredRouter() {
        start();
        assertThat(routed).containsExactly("hooks 1.0 1.1 10");

        for (int i = 0; i < 70; i++) {
            clock.advance(Duration.ofSeconds(10));
            console.tick();
        }

        ConsoleSnapshot s = console.tick();
        // No data from the source: every check inconclusive, and the rollout holds its first stage.
        assertThat(queried).contains("hooks 1.1 error_rate", "hooks 1.0 latency_p95");
        assertThat(s.selected().rollout().currentPercentage()).isEqualTo(10);
        assertThat(s.selected().rollout().lastCheck().outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(routed).hasSize(1);
    }

    @Test
    void afterAChangeOfEnginesTheSplitIsAppliedThroughTheNewRouter() {
        start();
        console.tick();
        assertThat(routed).hasSize(1);

        console.enginesChanged();
        console.tick();

        assertThat(routed).containsExactly("hooks 1.0 1.1 10", "hooks 1.0 1.1 10");
    }

    @Test
    void aRouterThatCannotMoveTrafficFailsTheRolloutAndSaysWhy() {
        String id = start();
        routerDown = true;
        console.enginesChanged();

        ConsoleSnapshot s = console.tick();

        assertThat(s.problem()).contains("traffic change to 10% failed").contains("did not answer");
        assertThat(console.select(id).selected().rollout().status()).isEqualTo(RolloutStatus.FAILED);
        assertThatThrownBy(() -> console.advance(id, 50, true, "try")).hasMessageContaining("has ended");
    }
}
