package io.promptdesk.bench;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.pipeline.AsyncCicdPipeline;
import io.promptdesk.engine.pipeline.BatchReport;
import io.promptdesk.engine.pipeline.Baseline;
import io.promptdesk.engine.pipeline.CicdPipeline;
import io.promptdesk.engine.pipeline.MemoryGauge;
import io.promptdesk.engine.pipeline.PipelineConfig;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.RegressionGate;
import io.promptdesk.engine.pipeline.ResourceLimits;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The pipeline's hot paths: the gates of one template (100 cases, all rules, the regression gate against 100
 * baseline times, each step appended to the audit log in a SQLite workspace), and a parallel batch of 20 templates
 * x 100 cases within the spec's resource limits. Scores are milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PipelineBench {
    private static final MetricsSource NO_METRICS = (d, v, m, from, to) -> new double[0];

    private Path dir;
    private Database db;
    private ExecutorService pool;
    private CicdPipeline pipeline;
    private AsyncCicdPipeline batch;
    private List<String> templates;
    private TestRequest base;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("pipeline-bench");
        db = Database.open(Workspace.databaseFile(dir));
        Clock clock = Clock.systemUTC();
        ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        AuditLog audit = new JdbcAuditLog(db);
        RolloutRepository rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
        RollbackController rollback = new RollbackController(new RollbackEnvironment(registry, rollouts,
                (d, s, c, p) -> { }, NO_METRICS, new JdbcRollbackRepository(db), audit, clock, Runnable::run,
                RollbackTimer.SYSTEM, null), RollbackSettings.defaults());
        PromptTestRunner runner = new PromptTestRunner();
        RolloutEnvironment re = new RolloutEnvironment(rollouts, registry, NO_METRICS, new RegressionHealthComparator(),
                (d, s, c, p) -> { }, clock, null);
        RolloutSettings settings = RolloutSettings.defaults("bench");
        PipelineEnvironment env = new PipelineEnvironment(runner, re, settings, rollback, audit, clock,
                RollbackTimer.SYSTEM::pause, deployment -> new GradualRolloutManager(deployment, re, settings));
        SplittableRandom rnd = new SplittableRandom(7);
        double[] baseline = IntStream.range(0, 100).mapToDouble(i -> 5 + rnd.nextDouble() * 5).toArray();
        List<Map<String, Object>> cases = BenchData.cases(100, 42);
        pipeline = new CicdPipeline(env, PipelineConfig.defaults("bench", cases, "bench")
                .withRegression(RegressionGate.defaults().withBaseline(Baseline.of("bench", baseline))));
        pool = Executors.newCachedThreadPool();
        batch = new AsyncCicdPipeline(runner, pool, ResourceLimits.defaults(), MemoryGauge.runtime());
        templates = IntStream.range(0, 20).mapToObj(i -> BenchData.TEMPLATE_300 + " Variant " + i + ".").toList();
        base = TestRequest.of(BenchData.TEMPLATE_300, cases);
    }

    @TearDown
    public void tearDown() throws IOException {
        pool.shutdownNow();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public PipelineReport gatesOfOneTemplate() {
        return pipeline.runGates(BenchData.TEMPLATE_300, "v", PipelineListener.NONE, () -> false);
    }

    @Benchmark
    public BatchReport batchOfTwentyTemplates() {
        return batch.runAll(templates, base);
    }
}
