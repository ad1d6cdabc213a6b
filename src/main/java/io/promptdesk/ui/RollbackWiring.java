package io.promptdesk.ui;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.SqliteRollbackRepository;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.history.HistorySource;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollback.RollbackConfirmer;
import io.promptdesk.ui.rollback.RollbackServices;
import io.promptdesk.ui.rollback.RollbackViewModel;
import io.promptdesk.ui.rollback.SlaTicker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the rollback controller over the workspace store and the view models of the Rollback and History
 * workspaces; part of the composition root. The caller owns {@code executor} (rollbacks and health watches run on
 * it, so the SLA watchdog can give up on a stuck step).
 */
public record RollbackWiring(RollbackController controller, RollbackViewModel rollback, HistoryViewModel history) {

    /** The store, engines and threads the rollback workspaces need, as the composition root holds them. */
    public record Parts(Database db, ModelRegistry registry, RolloutRepository rollouts, AuditLog audit,
                        TrafficRouter router, MetricsSource metrics, Clock clock, Executor executor,
                        BackgroundRunner runner, DialogService dialogs, RollbackConfirmer confirmer,
                        SlaTicker ticker, Consumer<Runnable> fxThread, String actor, ZoneId zone, Path folder) {
    }

    public static RollbackWiring create(Parts p) {
        RollbackController controller = new RollbackController(new RollbackEnvironment(p.registry(), p.rollouts(),
                p.router(), p.metrics(), new SqliteRollbackRepository(p.db()), p.audit(), p.clock(), p.executor(),
                null, null), RollbackSettings.defaults());
        Supplier<List<String>> models = () -> p.registry().models().stream().map(Model::name).toList();
        RollbackViewModel rollback = new RollbackViewModel(new RollbackServices(controller, p.runner(), p.dialogs(),
                p.confirmer(), p.ticker(), p.clock(), p.fxThread(), p.actor(), models, null, null));
        HistoryViewModel history = new HistoryViewModel(new HistorySource(controller, p.rollouts(), p.audit(), models),
                p.runner(), p.dialogs(), p.zone(), p.folder());
        // A finished rollback belongs in the history at once.
        rollback.run().resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                history.load();
            }
        });
        return new RollbackWiring(controller, rollback, history);
    }
}
