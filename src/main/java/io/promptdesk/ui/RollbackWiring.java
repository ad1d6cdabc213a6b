package io.promptdesk.ui;

import io.promptdesk.app.Permissions;
import io.promptdesk.app.history.HistorySource;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.model.AccessDenial;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollback.RollbackConfirmer;
import io.promptdesk.ui.rollback.RollbackServices;
import io.promptdesk.ui.rollback.RollbackViewModel;
import io.promptdesk.ui.rollback.SlaTicker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The view models of the Rollback and History workspaces over the rollback controller the composition root built
 * ({@code Engines.rollbackController}).
 */
public record RollbackWiring(RollbackController controller, RollbackViewModel rollback, HistoryViewModel history) {

    /** The store, engines and threads the rollback workspaces need, as the composition root holds them. */
    public record Parts(RollbackController controller, ModelRegistry registry, RolloutRepository rollouts,
                        AuditLog audit, Clock clock, BackgroundRunner runner, DialogService dialogs,
                        RollbackConfirmer confirmer, SlaTicker ticker, Consumer<Runnable> fxThread, String actor,
                        ZoneId zone, Path folder, Permissions permissions,
                        Supplier<List<AccessDenial>> denials) {
    }

    public static RollbackWiring create(Parts p) {
        RollbackController controller = p.controller();
        Supplier<List<String>> models = () -> p.registry().models().stream().map(Model::name).toList();
        RollbackViewModel rollback = new RollbackViewModel(new RollbackServices(controller, p.runner(), p.dialogs(),
                p.confirmer(), p.ticker(), p.clock(), p.fxThread(), p.actor(), models, null, null, p.permissions()));
        HistoryViewModel history = new HistoryViewModel(new HistorySource(controller, p.rollouts(), p.audit(), models,
                p.denials()),
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
