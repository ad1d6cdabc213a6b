package io.promptdesk.engine.rollback;

import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec's safe_rollback: a failed guarded operation rolls its version back. */
class RollbackGuardTest {
    @TempDir
    Path dir;
    private RollbackFixture f;
    private RollbackController c;

    @BeforeEach
    void setUp() {
        f = new RollbackFixture(dir).promoted("hooks");
        c = f.controller();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void anExceptionInTheBlockRollsTheVersionBack() {
        RollbackGuard[] held = new RollbackGuard[1];
        assertThatThrownBy(() -> {
            try (RollbackGuard guard = c.guard("hooks", "1.1", "deploy-bot")) {
                held[0] = guard;
                throw new IllegalStateException("smoke test failed");
            }
        }).isInstanceOf(IllegalStateException.class).hasNoSuppressedExceptions();
        RollbackResult r = held[0].result().orElseThrow();
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.triggeredBy()).isEqualTo("deploy-bot");
        assertThat(r.reason()).startsWith("Automatic rollback");
        assertThat(f.production("hooks")).isEqualTo("1.0");
        // Emergency mode: validation is skipped.
        assertThat(c.steps(r.rollbackId()).get(0).state()).isEqualTo(StepState.SKIPPED);
    }

    @Test
    void theReasonNamesTheFailureWhenTheBlockReportsIt() {
        try (RollbackGuard guard = c.guard("hooks", "1.1", "deploy-bot")) {
            guard.failed(new IllegalStateException("error rate 9%"));
        }
        assertThat(c.getRollbackHistory("hooks", 1, false).get(0).reason()).contains("error rate 9%");
    }

    @Test
    void aSuccessfulBlockRollsNothingBack() {
        try (RollbackGuard guard = c.guard("hooks", "1.1")) {
            guard.success();
            assertThat(guard.result()).isEmpty();
        }
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(c.getRollbackHistory("hooks", 10, false)).isEmpty();
    }

    @Test
    void aVersionThatNeverGotDeployedNeedsNoRollback() {
        f.register("hooks", "1.2", VersionStatus.CANDIDATE);
        try (RollbackGuard guard = c.guard("hooks", "1.2")) {
            assertThat(guard.result()).isEmpty();
        }
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(c.getRollbackHistory("hooks", 10, false)).isEmpty();
    }

    @Test
    void aRollbackThatFailsToDemandsManualIntervention() {
        f.registry.failuresLeft = 3;
        IllegalStateException deploy = new IllegalStateException("deploy failed");
        assertThatThrownBy(() -> {
            try (RollbackGuard guard = c.guard("hooks", "1.1", "deploy-bot")) {
                throw deploy;
            }
        }).isSameAs(deploy);
        assertThat(deploy.getSuppressed()).singleElement().isInstanceOfSatisfying(RollbackTimeoutException.class, e -> {
            assertThat(e.getMessage()).startsWith("Critical").contains("manual intervention required")
                    .contains("ended failed");
            assertThat(e.result().status()).isEqualTo(RollbackStatus.FAILED);
        });
        assertThat(f.production("hooks")).isEqualTo("1.1");
    }
}
