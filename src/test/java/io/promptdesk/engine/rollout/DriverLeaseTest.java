package io.promptdesk.engine.rollout;

import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.store.JdbcAuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.promptdesk.engine.rollout.RolloutFixture.ANA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One driver per rollout: two desks tick the same rollout; only the lease holder acts, the other follows; when the
 * holder stops renewing, the other takes over within two check intervals, and the takeover is in the rollout's log.
 */
class DriverLeaseTest {
    private static final Duration CHECK = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private RolloutFixture f;
    private GradualRolloutManager deskA;
    private GradualRolloutManager deskB;

    /** The fixture on the store the tests run on: the embedded file; the team store's subclass overrides it. */
    RolloutFixture fixture(long seed) {
        return new RolloutFixture(dir, seed, 200);
    }

    @BeforeEach
    void setUp() {
        f = fixture(11).deployment("hooks");
        f.rollouts = new AuditingRolloutRepository(f.rollouts, new JdbcAuditLog(f.db));
        f.env = new RolloutEnvironment(f.rollouts, f.registry, f.sim, new RegressionHealthComparator(), f.sim::route,
                f.clock, null);
        deskA = f.manager("hooks");
        deskB = f.manager("hooks");
        deskA.startRollout("1.1", RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5), CHECK,
                UnhealthyPolicy.PAUSE), ANA);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void serve(Duration d) {
        f.clock.advance(d);
        f.sim.catchUp();
    }

    @Test
    void onlyTheLeaseHolderActsAndTheOtherDeskFollows() {
        for (int i = 0; i < 20; i++) {
            serve(Duration.ofSeconds(15));
            deskA.drive("desk-a");
            deskB.drive("desk-b");
        }
        // Five minutes of checks every 30 s: ten, each made once, all by the holder's manager.
        List<HealthCheck> checks = deskA.healthChecks();
        assertThat(checks).hasSize(10);
        assertThat(checks).extracting(HealthCheck::at).doesNotHaveDuplicates();
        assertThat(deskA.events()).extracting(RolloutEvent::kind)
                .containsExactly(RolloutEventKind.STARTED, RolloutEventKind.ADVANCED);
    }

    @Test
    void aDeadDesksRolloutIsTakenOverWithinTwoCheckIntervalsAndTheLogSaysSo() {
        serve(Duration.ofSeconds(5));
        deskA.drive("desk-a");
        java.time.Instant lastTickOfA = f.clock.instant();
        // Desk A dies. Desk B ticks every 15 s and follows until the lease runs out.
        java.time.Instant takenAt = null;
        for (int i = 0; i < 8 && takenAt == null; i++) {
            serve(Duration.ofSeconds(15));
            deskB.drive("desk-b");
            if (deskB.events().stream().anyMatch(e -> e.kind() == RolloutEventKind.TAKEN_OVER)) {
                takenAt = f.clock.instant();
            }
        }
        assertThat(takenAt).isNotNull();
        assertThat(Duration.between(lastTickOfA, takenAt)).isLessThanOrEqualTo(CHECK.multipliedBy(2));
        RolloutEvent takeover = deskB.events().stream().filter(e -> e.kind() == RolloutEventKind.TAKEN_OVER)
                .findFirst().orElseThrow();
        assertThat(takeover.actor()).isEqualTo("desk-b");
        assertThat(takeover.reason()).contains("desk-a").contains("desk-b");
        assertThat(takeover.fromStatus()).isEqualTo(takeover.toStatus());
        assertThat(f.rollouts.leaseOf("hooks")).get().satisfies(l -> {
            assertThat(l.holder()).isEqualTo("desk-b");
            assertThat(l.expiresAt()).isAfter(f.clock.instant());
        });
        // The takeover is audited like every rollout event, and the chain still verifies.
        assertThat(new JdbcAuditLog(f.db).verify().intact()).isTrue();

        // Desk A comes back while desk B renews: a check is due, but A follows and acts on nothing.
        serve(Duration.ofSeconds(10));
        deskB.drive("desk-b");
        int checks = deskB.healthChecks().size();
        serve(Duration.ofSeconds(29));
        deskA.drive("desk-a");
        assertThat(deskA.healthChecks()).hasSize(checks);
        // Desk B dies too: once its lease runs out, desk A takes the rollout back, and says so.
        serve(Duration.ofSeconds(2));
        deskA.drive("desk-a");
        assertThat(deskA.healthChecks()).hasSize(checks + 1);
        assertThat(deskA.events()).filteredOn(e -> e.kind() == RolloutEventKind.TAKEN_OVER)
                .extracting(RolloutEvent::actor).containsExactly("desk-b", "desk-a");
    }

    @Test
    void aDeskThatStopsDrivingHandsOverAtOnceWithoutATakeover() {
        serve(Duration.ofSeconds(5));
        deskA.drive("desk-a");
        deskA.stopDriving("desk-a");
        serve(Duration.ofSeconds(1));
        deskB.drive("desk-b");
        assertThat(f.rollouts.lease("hooks", "desk-c", f.clock.instant(), CHECK, previous -> { }).holder())
                .isEqualTo("desk-b");
        assertThat(deskB.events()).extracting(RolloutEvent::kind).doesNotContain(RolloutEventKind.TAKEN_OVER);
    }
}
