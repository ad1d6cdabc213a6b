package io.promptdesk.cli;

import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollback.RunnerLiveness;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRollbackRepository;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rollback controller on a workspace, for the length of one command, on the registry, metrics and router the
 * workspace's connections choose. The rollback runs on its own daemon thread so that the SLA watchdog can give up
 * on a stuck step and the command still exits.
 */
final class RollbackServices implements AutoCloseable {
    final RegistryCommand.Services base;
    final SqliteAuditLog audit;
    final RollbackController controller;
    final RegistryCommand.WorkspaceOptions options;
    private final ExecutorService executor;

    private RollbackServices(RegistryCommand.Services base, RegistryCommand.WorkspaceOptions options) {
        this.base = base;
        this.options = options;
        this.audit = new SqliteAuditLog(base.db);
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rollback");
            t.setDaemon(true);
            return t;
        });
        RollbackEnvironment env = new RollbackEnvironment(base.registry, base.rollouts,
                base.router(RegistryCommand.Services.NOT_ROUTED, options),
                base.reading ? RegistryCommand.Services.NO_METRICS : base.metrics(RegistryCommand.Services.NO_METRICS),
                new SqliteRollbackRepository(base.db), audit,
                base.clock, executor, RollbackTimer.SYSTEM, RunnerLiveness.ofProcess());
        this.controller = new RollbackController(env, RollbackSettings.defaults());
    }

    static RollbackServices open(Path workspace) {
        RegistryCommand.WorkspaceOptions options = new RegistryCommand.WorkspaceOptions();
        options.workspace = workspace;
        return open(options);
    }

    /** On the workspace and the connections the options name. */
    static RollbackServices open(RegistryCommand.WorkspaceOptions options) {
        return new RollbackServices(RegistryCommand.Services.open(options), options);
    }

    /** For history and audit: an existing workspace, read as it is (read-only too), no router secret needed. */
    static RollbackServices openForReading(RegistryCommand.WorkspaceOptions options) {
        return new RollbackServices(RegistryCommand.Services.openForReading(options), options);
    }

    static RollbackServices openForReading(Path workspace) {
        RegistryCommand.WorkspaceOptions options = new RegistryCommand.WorkspaceOptions();
        options.workspace = workspace;
        return openForReading(options);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        base.close();
    }
}
