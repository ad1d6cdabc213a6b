package io.promptdesk.ui.history;

import io.promptdesk.app.history.HistoryRow;
import io.promptdesk.app.history.HistorySource;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.engine.rollback.RollbackRequest;
import io.promptdesk.engine.rollback.RollbackListener;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.json.Json;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import io.promptdesk.ui.rollback.RollbackUiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The History workspace's view model on a real store: one rollback of hooks, one rollout of notes. */
class HistoryViewModelTest {
    @TempDir
    Path dir;
    private RollbackUiFixture f;
    private final FakeDialogService dialogs = new FakeDialogService();
    private HistoryViewModel vm;

    @BeforeEach
    void setUp() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        f.controller.trigger(new RollbackRequest("hooks", "1.1", null, "errors after 1.1", "bob", false),
                RollbackListener.NONE);
        f.register("notes", "2.0", VersionStatus.STABLE);
        f.register("notes", "2.1", VersionStatus.CANDIDATE);
        f.serve(Duration.ofDays(1));
        new GradualRolloutManager("notes", new RolloutEnvironment(f.rollouts, f.registry, f.sim,
                new RegressionHealthComparator(), f.sim::route, f.clock, null), RolloutSettings.defaults("carol"))
                .startRollout("2.1", RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5),
                        Duration.ofSeconds(30), UnhealthyPolicy.PAUSE), Attribution.of("carol", "shorter notes"));
        vm = new HistoryViewModel(new HistorySource(f.controller, f.rollouts, f.audit, f::models),
                SameThreadRunner.immediate(), dialogs, ZoneOffset.UTC, dir);
        vm.load();
        assertThat(dialogs.errors()).isEmpty();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void rollbacksAndRolloutsShareOneTableMostRecentFirstWithTheAuditChainVerified() {
        assertThat(vm.rows()).extracting(HistoryRow::kind, HistoryRow::model, HistoryRow::status,
                HistoryRow::triggeredBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rollout", "notes", "in_progress", "carol"),
                org.assertj.core.groups.Tuple.tuple("rollback", "hooks", "success", "bob"));
        HistoryRow rollback = vm.rows().get(1);
        assertThat(rollback.slaMet()).isTrue();
        assertThat(rollback.slaText()).isEqualTo("sla_met");
        assertThat(rollback.fromVersion()).isEqualTo("1.1");
        assertThat(rollback.toVersion()).isEqualTo("1.0");
        assertThat(vm.auditIntactProperty().get()).isTrue();
        assertThat(vm.auditProperty().get()).startsWith("audit chain intact: ");
        assertThat(vm.models()).containsExactly("all", "hooks", "notes");

        vm.selectedProperty().set(rollback);
        assertThat(vm.detailsProperty().get()).contains("\"rollback_id\" : \"" + rollback.id() + "\"")
                .contains("\"steps\"");
    }

    @Test
    void filtersNarrowByModelStatusWhoAndDate() {
        vm.modelProperty().set("hooks");
        assertThat(vm.rows()).extracting(HistoryRow::model).containsExactly("hooks");
        vm.modelProperty().set("all");
        vm.statusProperty().set("in_progress");
        assertThat(vm.rows()).extracting(HistoryRow::model).containsExactly("notes");
        vm.statusProperty().set("all");
        vm.whoProperty().set("BO");
        assertThat(vm.rows()).extracting(HistoryRow::triggeredBy).containsExactly("bob");
        vm.whoProperty().set("");
        vm.fromProperty().set(LocalDate.of(2025, 3, 2));
        assertThat(vm.rows()).extracting(HistoryRow::model).containsExactly("notes");
        vm.fromProperty().set(null);
        vm.toProperty().set(LocalDate.of(2025, 3, 1));
        assertThat(vm.rows()).extracting(HistoryRow::model).containsExactly("hooks");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 2 shown");
    }

    @Test
    void theShownRowsExportAsCsvAndAsJsonWithTheirDetails() throws Exception {
        vm.modelProperty().set("hooks");
        Path csv = dir.resolve("h.csv");
        Path json = dir.resolve("h.json");
        dialogs.fileAnswers.add(csv);
        vm.exportCsv();
        dialogs.fileAnswers.add(json);
        vm.exportJson();

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("kind,id,model,from_version,to_version,status,triggered_by,start_time,"
                + "end_time,sla_met,reason");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("rollback,rb-").contains(",hooks,1.1,1.0,success,bob,2025-03-01T")
                .endsWith(",true,\"errors after 1.1\"");
        JsonNode rows = Json.mapper().readTree(json.toFile());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("success");
        assertThat(rows.get(0).at("/details/rollback/sla_met").asBoolean()).isTrue();
        assertThat(rows.get(0).at("/details/steps").size()).isGreaterThanOrEqualTo(5);
        assertThat(dialogs.shown).filteredOn(s -> s.kind().equals("SUCCESS")).hasSize(2);
    }
}
