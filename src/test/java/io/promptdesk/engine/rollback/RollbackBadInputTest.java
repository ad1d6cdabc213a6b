package io.promptdesk.engine.rollback;

import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.StoreException;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad requests get a clear error and leave nothing half-done: no rollback row, no registry change, no audit row. */
class RollbackBadInputTest {
    @TempDir
    Path dir;

    private void assertNothingDone(RollbackFixture f, int registryEvents) {
        assertThat(f.rollbacks.unfinished()).isEmpty();
        assertThat(f.rollbacks.latest("hooks")).isEmpty();
        assertThat(f.actions(null, 100)).isEmpty();
        assertThat(f.registryEvents("hooks")).isEqualTo(registryEvents);
        assertThat(f.production("hooks")).isEqualTo("1.1");
    }

    @Test
    void unknownModelsVersionsAndUndeployedVersionsAreRefused() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            int events = f.registryEvents("hooks");
            RollbackController c = f.controller();
            assertThatThrownBy(() -> c.triggerRollback("nope", "1.1", null, null, "ana", false))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("no model named nope");
            assertThatThrownBy(() -> c.triggerRollback("hooks", "9.9", null, null, "ana", false))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("hooks has no version 9.9")
                    .hasMessageContaining("1.0, 1.1");
            assertThatThrownBy(() -> c.triggerRollback("hooks", "1.0", null, null, "ana", false))
                    .isInstanceOf(RollbackException.class).hasMessageContaining("1.0 is not deployed")
                    .hasMessageContaining("production is 1.1");
            assertThatThrownBy(() -> c.triggerRollback("hooks", "1.1", "7.0", null, "ana", false))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("hooks has no version 7.0");
            assertNothingDone(f, events);
        }
    }

    @Test
    void aTargetEqualToTheCurrentVersionIsRefused() {
        assertThatThrownBy(() -> new RollbackRequest("hooks", "1.1", "1.1", null, "ana", false))
                .isInstanceOf(RollbackException.class).hasMessageContaining("is the current version");
    }

    @Test
    void aReasonLongerThanTenThousandCharactersIsRefused() {
        assertThatThrownBy(() -> new RollbackRequest("hooks", "1.1", null, "x".repeat(10_001), "ana", false))
                .isInstanceOf(RollbackException.class).hasMessageContaining("10,001 characters")
                .hasMessageContaining("at most 10,000");
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "y".repeat(10_000), "ana", false);
            assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(r.reason()).hasSize(10_000);
            // The registry's history keeps a short form; the rollback and the audit keep it all.
            assertThat(f.plainRegistry.history("hooks").get(f.registryEvents("hooks") - 1).reason()).hasSizeLessThan(400);
            assertThat(f.actions("hooks", 10).get(f.actions("hooks", 10).size() - 1).reason())
                    .hasSize(10_000);
        }
    }

    @Test
    void aNoEarlierStableVersionIsAClearError() {
        try (RollbackFixture f = new RollbackFixture(dir)) {
            f.register("hooks", "1.0", VersionStatus.STABLE);
            assertThatThrownBy(() -> f.controller().triggerRollback("hooks", "1.0", null, null, "ana", false))
                    .isInstanceOf(RollbackException.class)
                    .hasMessageContaining("no earlier stable version to roll 1.0 back to");
            assertThat(f.rollbacks.latest("hooks")).isEmpty();
        }
    }

    @Test
    void aDeprecatedTargetIsRejectedUnlessValidationIsSkipped() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            f.register("hooks", "0.9", VersionStatus.CANDIDATE);
            f.plainRegistry.setStatus("hooks", "0.9", VersionStatus.STABLE, RollbackFixture.ANA);
            f.plainRegistry.setStatus("hooks", "0.9", VersionStatus.DEPRECATED, RollbackFixture.ANA);
            int events = f.registryEvents("hooks");
            RollbackController c = f.controller();
            RollbackOutcome o = c.trigger(new RollbackRequest("hooks", "1.1", "0.9", "go back", "ana", false),
                    RollbackListener.NONE);
            assertThat(o.rejected()).isTrue();
            assertThat(o.result().status()).isEqualTo(RollbackStatus.FAILED);
            assertThat(o.result().error()).contains("target refused").contains("deprecated while not in production");
            assertThat(f.registryEvents("hooks")).isEqualTo(events);
            assertThat(f.production("hooks")).isEqualTo("1.1");
            assertThat(c.steps(o.result().rollbackId())).extracting(s -> s.step().key() + " " + s.state().key())
                    .containsExactly("validate started", "validate failed", "result done");
            RollbackOutcome forced = c.trigger(new RollbackRequest("hooks", "1.1", "0.9", "emergency", "ana", true),
                    RollbackListener.NONE);
            assertThat(forced.result().status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(f.production("hooks")).isEqualTo("0.9");
            assertThat(c.steps(forced.result().rollbackId()).get(0).state()).isEqualTo(StepState.SKIPPED);
        }
    }

    @Test
    void aLockedStoreRefusesTheTriggerAndNothingIsWritten() throws Exception {
        try (RollbackFixture f = new RollbackFixture(dir,
                DatabaseOptions.defaults().withBusyTimeout(Duration.ofMillis(50))).promoted("hooks")) {
            int events = f.registryEvents("hooks");
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + Workspace.databaseFile(dir));
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                assertThatThrownBy(() -> f.controller().triggerRollback("hooks", "1.1", null, null, "ana", false))
                        .isInstanceOf(StoreException.class).hasMessageContaining("is locked by another process")
                        .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.LOCKED);
                s.execute("ROLLBACK");
            }
            assertNothingDone(f, events);
            assertThat(f.controller().triggerRollback("hooks", "1.1", null, null, "ana", false).status())
                    .isEqualTo(RollbackStatus.SUCCESS);
        }
    }

    @Test
    void validationExplainsEachRefusal() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            f.register("hooks", "1.2", VersionStatus.STABLE);
            f.register("hooks", "2.0", VersionStatus.CANDIDATE);
            f.plainRegistry.setStatus("hooks", "1.1", VersionStatus.FAILED, RollbackFixture.ANA);
            RollbackController c = f.controller();
            assertThat(c.validateRollbackTarget("hooks", "1.0")).isEqualTo(new TargetValidation(true, null));
            assertThat(c.validateRollbackTarget("hooks", "1.2").errorMessage()).contains("is the version being rolled back");
            assertThat(c.validateRollbackTarget("hooks", "1.1").errorMessage()).contains("is marked failed");
            assertThat(c.validateRollbackTarget("hooks", "2.0").errorMessage()).contains("was never a stable version");
            assertThat(c.validateRollbackTarget("hooks", "3.0").errorMessage()).contains("has no version 3.0");
            assertThat(c.validateRollbackTarget("nope", "1.0").isValid()).isFalse();
            assertThat(c.validTargets("hooks", "1.2")).containsExactly("1.0");
        }
    }

    @Test
    void aTargetWhoseTemplateNoLongerValidatesIsRefused() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            // Written straight to the store, as a template the parser accepted in an older release would be.
            new io.promptdesk.store.JdbcRegistryRepository(f.db).insertVersion(new io.promptdesk.registry.ModelVersion(
                    "hooks", "0.5", "Hi {topic", io.promptdesk.model.TemplateDialect.PYTHON_FORMAT, null,
                    VersionStatus.STABLE, "ana", f.clock.instant(), Map.of()));
            TargetValidation v = f.controller().validateRollbackTarget("hooks", "0.5");
            assertThat(v.isValid()).isFalse();
            assertThat(v.errorMessage()).contains("template no longer validates").contains("line 1");
        }
    }

    @Test
    void requestsNeedAModelAndAVersion() {
        assertThatThrownBy(() -> new RollbackRequest(" ", "1.1", null, null, null, false))
                .hasMessageContaining("the model name is required");
        assertThatThrownBy(() -> new RollbackRequest("hooks", null, null, null, null, false))
                .hasMessageContaining("the current version is required");
        RollbackRequest defaults = new RollbackRequest("hooks", "1.1", null, null, null, false);
        assertThat(defaults.reason()).isEqualTo("Performance regression detected");
        assertThat(defaults.triggeredBy()).isEqualTo(System.getProperty("user.name"));
    }
}
