package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static io.promptdesk.engine.rollout.RolloutFixture.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A traffic change the router could not make is a failed stage: recorded, traffic sent back, the caller told. */
class TrafficChangeFailureTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private RolloutFixture f;
    /** Which canary percentages the router refuses. */
    private Predicate<Integer> refuse = p -> false;
    /** Whether sending traffic back to the stable version fails too. */
    private boolean refuseStable;
    /** Traffic changes that sent everything to one version. */
    private int routedBack;
    private GradualRolloutManager m;

    /** The fixture on the store the tests run on: the embedded file; the team store's subclass overrides it. */
    RolloutFixture fixture(long seed) {
        return new RolloutFixture(dir, seed, 200);
    }

    @BeforeEach
    void setUp() {
        f = fixture(11).deployment("hooks");
        TrafficRouter flaky = (deployment, stable, canary, percent) -> {
            if (canary != null ? refuse.test(percent) : refuseStable) {
                throw new RolloutException("traffic webhook http://127.0.0.1:9/route answered 503");
            }
            f.sim.route(deployment, stable, canary, percent);
            if (canary == null) {
                routedBack++;
            }
        };
        RolloutEnvironment env = new RolloutEnvironment(f.rollouts, f.registry, f.sim,
                new RegressionHealthComparator(), flaky, f.clock, f.env.listener());
        m = new GradualRolloutManager("hooks", env, RolloutSettings.defaults("ana"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aStageWhoseTrafficChangeFailsFailsTheRolloutAndSendsTrafficBack() {
        refuse = p -> p == 25;
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        assertThat(f.sim.split("hooks")).hasValue(new TrafficSplit("1.0", "1.1", 10));

        assertThatThrownBy(() -> f.run(m, Duration.ofMinutes(6), STEP))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("failed at 25%")
                .hasMessageContaining("answered 503")
                .hasMessageContaining("traffic is back on production");

        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.FAILED);
        RolloutEvent last = m.events().get(m.events().size() - 1);
        assertThat(last.kind()).isEqualTo(RolloutEventKind.FAILED);
        assertThat(last.fromPercentage()).isEqualTo(25);
        assertThat(last.actor()).isEqualTo(RolloutSettings.SYSTEM_ACTOR);
        assertThat(last.reason()).isEqualTo("traffic change to 25% failed: traffic webhook http://127.0.0.1:9/route "
                + "answered 503");
        assertThat(m.events()).extracting(RolloutEvent::kind)
                .containsExactly(RolloutEventKind.STARTED, RolloutEventKind.ADVANCED, RolloutEventKind.FAILED);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
        assertThat(f.registry.get("hooks", "1.1").status()).isEqualTo(VersionStatus.FAILED);
        assertThat(f.registry.resolve("hooks", ModelRegistry.CANARY)).isEmpty();
        // Nothing more happens to a failed rollout.
        f.run(m, Duration.ofMinutes(6), STEP);
        assertThat(m.events()).hasSize(3);
    }

    @Test
    void aManualAdvanceThatCannotMoveTrafficSaysSo() {
        refuse = p -> p == 25;
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        assertThatThrownBy(() -> m.updateTrafficPercentage(25, true, ANA))
                .isInstanceOf(RolloutException.class).hasMessageContaining("traffic change to 25% failed");
        assertThat(m.status().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
    }

    @Test
    void whenTrafficCannotGoBackEitherEveryTickTriesAgainUntilItDoes() {
        refuse = p -> p == 10;
        refuseStable = true;
        assertThatThrownBy(() -> m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("traffic change to 10% failed")
                .hasMessageContaining("sending traffic back to production failed too");
        assertThat(m.status().status()).isEqualTo(RolloutStatus.FAILED);
        assertThatThrownBy(m::tick).isInstanceOf(RolloutException.class).hasMessageContaining("answered 503");
        assertThat(routedBack).isZero();

        refuseStable = false;
        m.tick();
        assertThat(routedBack).isEqualTo(1);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
        m.tick();
        assertThat(routedBack).isEqualTo(1);
        assertThat(m.events()).extracting(RolloutEvent::kind)
                .containsExactly(RolloutEventKind.STARTED, RolloutEventKind.FAILED);
    }
}
