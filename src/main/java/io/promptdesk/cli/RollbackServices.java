package io.promptdesk.cli;

import io.promptdesk.app.Engines;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollback.RollbackController;

import java.nio.file.Path;

/**
 * The rollback controller on a workspace's store, for the length of one command, on the registry, metrics and
 * router the workspace's connections choose. The rollback runs on a pool the engines own, so that the SLA watchdog
 * can give up on a stuck step and the command still exits.
 */
final class RollbackServices implements AutoCloseable {
    final Engines base;
    final AuditLog audit;
    final RollbackController controller;
    final RegistryCommand.WorkspaceOptions options;

    private RollbackServices(Engines base, RegistryCommand.WorkspaceOptions options) {
        this.base = base;
        this.options = options;
        this.audit = base.audit();
        this.controller = base.rollbackController();
    }

    static RollbackServices open(Path workspace) {
        RegistryCommand.WorkspaceOptions options = new RegistryCommand.WorkspaceOptions();
        options.workspace = workspace;
        return open(options);
    }

    /** On the workspace and the connections the options name. */
    static RollbackServices open(RegistryCommand.WorkspaceOptions options) {
        return new RollbackServices(Engines.open(options.config()), options);
    }

    /** For history and audit: an existing store, read as it is (read-only too), no router secret needed. */
    static RollbackServices openForReading(RegistryCommand.WorkspaceOptions options) {
        return new RollbackServices(Engines.openForReading(options.config()), options);
    }

    static RollbackServices openForReading(Path workspace) {
        RegistryCommand.WorkspaceOptions options = new RegistryCommand.WorkspaceOptions();
        options.workspace = workspace;
        return openForReading(options);
    }

    @Override
    public void close() {
        base.close();
    }
}
