package io.promptdesk.ui.pipeline;

import io.promptdesk.app.pipeline.PipelineInput;
import io.promptdesk.app.pipeline.PipelineRequest;
import io.promptdesk.app.pipeline.WorkspacePipeline;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.pipeline.PipelineStep;
import io.promptdesk.engine.pipeline.StepStatus;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pipeline view model on the real engines over a temporary workspace store, without a toolkit. */
class PipelineViewModelTest {
    static final String TEMPLATE = "Write a short, friendly description of {product}, naming two best features.";

    @TempDir
    Path dir;
    private Database db;
    private ModelRegistry registry;
    private RunHistory history;
    private final FakeDialogService dialogs = new FakeDialogService();
    private final List<String> shown = new ArrayList<>();
    private PipelineInput input;

    @BeforeEach
    void open() {
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), Clock.systemUTC());
        history = RunHistory.inMemory(Clock.systemUTC());
        input = new PipelineInput("copy.prompt", TEMPLATE, List.of(Map.of("product", "a lamp"),
                Map.of("product", "a kettle"), Map.of("product", "a bell"), Map.of("product", "a cup")));
    }

    private final List<io.promptdesk.app.Engines> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(io.promptdesk.app.Engines::close);
        db.close();
    }

    private PipelineViewModel vm() {
        io.promptdesk.app.Engines e = io.promptdesk.app.Engines.open(io.promptdesk.app.Engines.Config.of(dir)
                .withActor("ana"));
        engines.add(e);
        return new PipelineViewModel(new WorkspacePipeline(e.consolePipeline(steppingRunner()), history, "ana"),
                SameThreadRunner.immediate(), dialogs, () -> input, shown::add, Runnable::run);
    }

    /** Case times follow a fixed pattern, the same in every run: the regression gate sees no change. */
    private PromptTestRunner steppingRunner() {
        long[] pattern = {1_000_000, 2_000_000, 3_000_000, 1_500_000};
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        return new PromptTestRunner(1, java.util.concurrent.ForkJoinPool.commonPool(),
                () -> now.addAndGet(pattern[(int) (reads.getAndIncrement() % pattern.length)]));
    }

    private static PipelineViewModel filled(PipelineViewModel vm, String version) {
        vm.deploymentProperty().set("copy");
        vm.versionProperty().set(version);
        return vm;
    }

    private static StepStatus status(PipelineViewModel vm, PipelineStep step) {
        return vm.steps().get(step.ordinal()).statusProperty().get();
    }

    @Test
    void runIsEnabledOnlyWithADeploymentAndAVersion() {
        PipelineViewModel vm = vm();
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.deploymentProperty().set("copy");
        assertThat(vm.canRunProperty().get()).isFalse();
        vm.versionProperty().set("1.0");
        assertThat(vm.canRunProperty().get()).isTrue();
    }

    @Test
    void theFirstVersionIsDeployedAndItsRunRecordedForTheRegressionWorkspace() {
        PipelineViewModel vm = filled(vm(), "1.0");

        vm.run();

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(status(vm, PipelineStep.RUN_TESTS)).isEqualTo(StepStatus.PASSED);
        assertThat(status(vm, PipelineStep.REGISTER_VERSION)).isEqualTo(StepStatus.PASSED);
        assertThat(status(vm, PipelineStep.ROLLOUT)).isEqualTo(StepStatus.SKIPPED);
        assertThat(vm.statusProperty().get()).startsWith("deployed: ");
        assertThat(history.runs()).extracting(r -> r.template()).containsExactly("copy.prompt");
        assertThat(vm.canOpenRegressionProperty().get()).isTrue();
        assertThat(vm.canOpenRolloutProperty().get()).isFalse();
        assertThat(dialogs.shown).extracting(FakeDialogService.Shown::kind).containsExactly("SUCCESS");
    }

    @Test
    void aNewVersionStartsItsRolloutAndLinksToTheRolloutWorkspace() {
        filled(vm(), "1.0").run();
        input = new PipelineInput("copy.prompt", TEMPLATE + " Keep it brief.", input.cases());
        PipelineViewModel vm = filled(vm(), "1.1");
        vm.stagesProperty().set("20, 60, 100");

        vm.run();

        assertThat(status(vm, PipelineStep.DETECT_REGRESSION)).isEqualTo(StepStatus.PASSED);
        assertThat(status(vm, PipelineStep.ROLLOUT)).isEqualTo(StepStatus.STARTED);
        assertThat(vm.reportProperty().get().rollout().status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(vm.rolloutProperty().get()).contains("in progress at 20%");
        assertThat(vm.canOpenRolloutProperty().get()).isTrue();
        vm.openRollout();
        assertThat(shown).containsExactly(PipelineViewModel.ROLLOUT_WORKSPACE);
    }

    @Test
    void failingTestsStopAtTheFirstStepAndMarkTheRestNotReached() {
        input = new PipelineInput("copy.prompt", TEMPLATE, List.of(Map.of("product", "x'; DROP TABLE users; --")));
        PipelineViewModel vm = filled(vm(), "1.0");

        vm.run();

        assertThat(status(vm, PipelineStep.RUN_TESTS)).isEqualTo(StepStatus.FAILED);
        assertThat(vm.steps().get(PipelineStep.ROLLOUT.ordinal()).summaryProperty().get()).isEqualTo("not reached");
        assertThat(vm.statusProperty().get()).startsWith("Stopped at run_tests: Tests failed");
        assertThat(dialogs.shown.get(0).title()).isEqualTo("Pipeline stopped at run_tests");
        assertThat(registry.models()).isEmpty();
        vm.openRegression();
        assertThat(shown).containsExactly(PipelineViewModel.REGRESSION_WORKSPACE);
    }

    @Test
    void badStagesAreReportedWithoutRunning() {
        ScriptedLauncher launcher = new ScriptedLauncher();
        PipelineViewModel vm = new PipelineViewModel(launcher, SameThreadRunner.immediate(), dialogs, () -> input,
                shown::add, Runnable::run);
        filled(vm, "1.0").stagesProperty().set("ten, 100");

        vm.run();

        assertThat(launcher.requests).isEmpty();
        assertThat(dialogs.shown.get(0).message()).contains("'ten, 100'");
    }

    @Test
    void anUnexpectedFailureIsShownAsAnError() {
        ScriptedLauncher launcher = new ScriptedLauncher();
        PipelineViewModel vm = new PipelineViewModel(launcher, SameThreadRunner.immediate(), dialogs, () -> input,
                shown::add, Runnable::run);
        filled(vm, "1.0").run();

        assertThat(launcher.requests).extracting(PipelineRequest::stages).containsExactly(List.of(10, 25, 50, 100));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).contains("the store is locked");
        assertThat(dialogs.shown.get(0).kind()).isEqualTo("ERROR");
        assertThat(launcher.recorded).isEmpty();
    }
}
