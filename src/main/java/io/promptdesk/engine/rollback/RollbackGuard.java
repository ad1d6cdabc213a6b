package io.promptdesk.engine.rollback;

import io.promptdesk.model.PromptDeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The spec's {@code safe_rollback} as try-with-resources: unless {@link #success()} is called before the block
 * ends, closing the guard rolls {@code version} back at once (emergency mode: validation skipped, target the
 * previous stable version).
 * <pre>
 * try (RollbackGuard guard = controller.guard("content-generator", "3.2.1")) {
 *     deployNewModel();
 *     guard.success();
 * }
 * </pre>
 * If the version never got deployed there is nothing to roll back. If the rollback itself does not succeed, close
 * throws {@link RollbackTimeoutException} ("manual intervention required"), which Java attaches to the block's own
 * exception as suppressed. Not thread-safe: one guard, one block.
 */
public final class RollbackGuard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackGuard.class);

    private final RollbackController controller;
    private final String model;
    private final String version;
    private final String triggeredBy;
    private boolean succeeded;
    private Throwable cause;
    private RollbackResult result;

    RollbackGuard(RollbackController controller, String model, String version, String triggeredBy) {
        this.controller = controller;
        this.model = model;
        this.version = version;
        this.triggeredBy = triggeredBy;
    }

    /** The guarded operation completed: closing does nothing. */
    public void success() {
        succeeded = true;
    }

    /** Records why the operation failed, for the rollback's reason; closing will roll back. */
    public void failed(Throwable why) {
        cause = why;
    }

    /** The automatic rollback's result, once closing ran one. */
    public Optional<RollbackResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public void close() {
        if (succeeded) {
            return;
        }
        if (!controller.isDeployed(model, version)) {
            LOG.info("guarded operation on {} {} did not complete, but the version is not deployed: nothing to roll "
                    + "back", model, version);
            return;
        }
        String reason = "Automatic rollback: the guarded operation on " + version + " did not complete"
                + (cause == null ? "" : " (" + cause + ")");
        try {
            result = controller.trigger(new RollbackRequest(model, version, null, reason, triggeredBy, true),
                    RollbackListener.NONE).result();
        } catch (PromptDeskException e) {
            LOG.error("automatic rollback of {} {} could not run: {}", model, version, e.getMessage());
            throw new RollbackTimeoutException("Critical: the automatic rollback of " + model + " " + version
                    + " could not run (" + e.getMessage() + "); manual intervention required", null, e);
        }
        if (result.status() != RollbackStatus.SUCCESS) {
            LOG.error("automatic rollback {} of {} {} ended {}: {}", result.rollbackId(), model, version,
                    result.status().key(), result.error());
            throw new RollbackTimeoutException("Critical: the automatic rollback " + result.rollbackId() + " of "
                    + model + " " + version + " ended " + result.status().key() + " (" + result.error()
                    + "); manual intervention required", result, null);
        }
        LOG.warn("guarded operation on {} {} did not complete; rolled back to {} ({})", model, version,
                result.toVersion(), result.rollbackId());
    }
}
