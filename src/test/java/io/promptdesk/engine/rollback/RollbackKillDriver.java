package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The child process of {@link RollbackKillTest}: promotes a new version of "hooks" and rolls it back, again and
 * again, printing a line after each committed step, until the parent kills it. The registry and the metrics take a
 * few real milliseconds, as remote ones would, so that kills land inside steps too. Argument: the workspace.
 */
public final class RollbackKillDriver {
    private RollbackKillDriver() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Clock clock = Clock.systemUTC();
        Database db = Database.open(Workspace.databaseFile(Path.of(args[0])));
        ModelRegistry registry = slow(new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock));
        JdbcAuditLog audit = new JdbcAuditLog(db);
        MetricsSource metrics = (deployment, version, metric, from, to) -> {
            pause(2);
            return new double[0];
        };
        RollbackEnvironment env = new RollbackEnvironment(registry, new AuditingRolloutRepository(
                new JdbcRolloutRepository(db), audit), (d, s, c, p) -> {
        }, metrics, new JdbcRollbackRepository(db), audit, clock, Runnable::run, RollbackTimer.SYSTEM,
                RunnerLiveness.ofProcess());
        RollbackController controller = new RollbackController(env, RollbackSettings.defaults());
        RollbackListener lines = new RollbackListener() {
            @Override
            public void onStep(StepRecord step) {
                out.println("STEP " + step.rollbackId() + " " + step.step().key() + " " + step.state().key());
                out.flush();
            }
        };
        Attribution by = Attribution.of("driver", "kill test");
        out.println("READY");
        out.flush();
        while (true) {
            if (registry.models().isEmpty()) {
                registry.register(new NewVersion("hooks", "1.0", "Hi {topic}", null, null, VersionStatus.STABLE,
                        Map.of()), by);
            }
            String next = "1." + registry.versions("hooks").size();
            registry.register(new NewVersion("hooks", next, "Hello {topic}, take " + next, null, null,
                    VersionStatus.STABLE, Map.of()), by);
            out.println("PROMOTED " + next);
            RollbackOutcome o = controller.trigger(new RollbackRequest("hooks", next, null, "kill test " + next,
                    "driver", false), lines);
            out.println("DONE " + o.result().rollbackId() + " " + o.result().status().key());
            out.flush();
        }
    }

    /** The embedded registry with a millisecond of latency on each call, like a remote one. */
    private static ModelRegistry slow(ModelRegistry registry) {
        return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                new Class<?>[]{ModelRegistry.class}, (proxy, method, methodArgs) -> {
                    pause(1);
                    try {
                        return method.invoke(registry, methodArgs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
