package io.promptdesk.app.rollout;


import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.registry.EmbeddedModelRegistry;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console over the workspace store it shares with the CLI. */
class RolloutConsoleTest {
    @TempDir
    Path dir;
    private RolloutWorkspaceFixture f;

    @BeforeEach
    void setUp() {
        f = new RolloutWorkspaceFixture(dir).deployment("hooks");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aRolloutStartedByAnotherProcessShowsUpAndIsDrivenByTheConsole() {
        assertThat(f.console.tick().rollouts()).isEmpty();
        // What `promptdesk rollout start --workspace DIR` does: its own connection to the same database file.
        try (Database cli = Database.open(Workspace.databaseFile(dir))) {
            RolloutEnvironment env = new RolloutEnvironment(new JdbcRolloutRepository(cli),
                    new EmbeddedModelRegistry(new JdbcRegistryRepository(cli), f.clock),
                    (d, v, m, from, to) -> new double[0], new RegressionHealthComparator(), (d, s, c, p) -> { },
                    f.clock, null);
            new GradualRolloutManager("hooks", env, RolloutSettings.defaults("cli-user"))
                    .startRollout("1.1", 10, List.of(10, 50, 100), null);
        }

        ConsoleSnapshot s = null;
        for (int i = 0; i < RolloutConsole.LIST_REFRESH_TICKS; i++) {
            s = f.console.tick();
        }

        assertThat(s.rollouts()).singleElement().satisfies(r -> {
            assertThat(r.deployment()).isEqualTo("hooks");
            assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        });
        assertThat(s.activeCount()).isEqualTo(1);
        assertThat(s.selected().events()).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo("cli-user"));
        // The console routes the deployment's simulated traffic and runs its health checks.
        f.run(Duration.ofSeconds(40), Duration.ofSeconds(5), x -> { });
        assertThat(f.sim.split("hooks")).get().satisfies(split -> assertThat(split.canaryPercent()).isEqualTo(10));
        assertThat(f.console.refresh().selected().lastCheck()).isNotNull();
    }

    @Test
    void aFinishedRolloutCannotBeActedOnFromTheConsole() {
        String id = f.console.start(new StartRequest("hooks", "1.1", io.promptdesk.engine.rollout.RolloutPlan.of(
                null, null, null, null, null, null, null), null)).selectedId();
        f.console.abort(id, "wrong build");

        assertThatThrownBy(() -> f.console.pause(id, "late")).hasMessageContaining("has ended (rolled back)");
        assertThatThrownBy(() -> f.console.advance("ro-nonexistent", 50, true, "why"))
                .hasMessageContaining("no rollout ro-nonexistent");
    }

    @Test
    void theSnapshotSequenceOnlyGrows() {
        long a = f.console.tick().seq();
        long b = f.console.refresh().seq();
        long c = f.console.select(null).seq();
        assertThat(List.of(a, b, c)).isSorted().doesNotHaveDuplicates();
    }
}
