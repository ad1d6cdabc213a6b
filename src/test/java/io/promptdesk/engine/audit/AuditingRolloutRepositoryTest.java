package io.promptdesk.engine.audit;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditingRolloutRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void everyRolloutTransitionIsAuditedWithWhoWhenWhatAndWhy() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z"));
        SimulatedService sim = new SimulatedService(clock, 3);
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
            JdbcAuditLog audit = new JdbcAuditLog(db);
            Attribution ana = Attribution.of("ana", "release 1.1");
            registry.register(new NewVersion("hooks", "1.0", "Hi {topic}", null, null, VersionStatus.STABLE, Map.of()),
                    ana);
            registry.register(NewVersion.candidate("hooks", "1.1", "Hello {topic}"), ana);
            GradualRolloutManager m = new GradualRolloutManager("hooks", new RolloutEnvironment(
                    new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit), registry, sim,
                    new RegressionHealthComparator(), sim::route, clock, null), RolloutSettings.defaults("ana"));
            m.startRollout("1.1", null, null, null);
            m.pauseRollout(Attribution.of("bob", "looks odd"));
            m.abortRollout(Attribution.of("bob", "not today"));
            // Registry changes (the registrations, the canary alias and statuses) are audited too; the rollout's own:
            List<AuditEntry> rows = audit.entries("hooks", 50).stream()
                    .filter(e -> e.action().startsWith("rollout_")).toList();
            assertThat(rows).extracting(AuditEntry::action).containsExactly("rollout_rolled_back", "rollout_paused",
                    "rollout_started");
            AuditEntry paused = rows.get(1);
            assertThat(paused.actor()).isEqualTo("bob");
            assertThat(paused.reason()).isEqualTo("looks odd");
            assertThat(paused.subjectId()).isEqualTo(m.status().rolloutId());
            assertThat(paused.details()).contains("\"from_status\":\"in_progress\"").contains("\"to_status\":\"paused\"")
                    .contains("\"new_version\":\"1.1\"").contains("\"to_percentage\":\"10\"");
            assertThat(rows).extracting(AuditEntry::seq).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(audit.entries("hooks", 50)).extracting(AuditEntry::action).contains("registry_alias_moved",
                    "registry_status_changed");
            assertThat(audit.verify().intact()).isTrue();
        }
    }
}
