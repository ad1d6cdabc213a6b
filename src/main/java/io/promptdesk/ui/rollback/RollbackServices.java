package io.promptdesk.ui.rollback;

import io.promptdesk.app.Permissions;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the Rollback workspace works with, built by the composition root.
 *
 * @param models          the registry's model names, read off the FX thread
 * @param fxThread        hops to the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
 * @param actor           who rollbacks are recorded as
 * @param monitorDuration how long the post-rollback health is watched
 * @param monitorInterval how often it is sampled
 * @param permissions     what the person may do (rolling back needs the oncall role)
 */
public record RollbackServices(RollbackController controller, BackgroundRunner runner, DialogService dialogs,
                               RollbackConfirmer confirmer, SlaTicker ticker, Clock clock,
                               Consumer<Runnable> fxThread, String actor, Supplier<List<String>> models,
                               Duration monitorDuration, Duration monitorInterval, Permissions permissions) {
    public static final Duration DEFAULT_MONITOR = Duration.ofMinutes(2);
    public static final Duration DEFAULT_MONITOR_INTERVAL = Duration.ofSeconds(5);

    public RollbackServices {
        Objects.requireNonNull(controller);
        Objects.requireNonNull(runner);
        Objects.requireNonNull(dialogs);
        Objects.requireNonNull(confirmer);
        Objects.requireNonNull(ticker);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(fxThread);
        Objects.requireNonNull(models);
        monitorDuration = monitorDuration == null ? DEFAULT_MONITOR : monitorDuration;
        monitorInterval = monitorInterval == null ? DEFAULT_MONITOR_INTERVAL : monitorInterval;
        permissions = permissions == null ? Permissions.everything(actor) : permissions;
    }

    /** Everything allowed to {@code actor} (the embedded store's one desk). */
    public RollbackServices(RollbackController controller, BackgroundRunner runner, DialogService dialogs,
                            RollbackConfirmer confirmer, SlaTicker ticker, Clock clock,
                            Consumer<Runnable> fxThread, String actor, Supplier<List<String>> models,
                            Duration monitorDuration, Duration monitorInterval) {
        this(controller, runner, dialogs, confirmer, ticker, clock, fxThread, actor, models, monitorDuration,
                monitorInterval, null);
    }
}
