package io.promptdesk.ui.connections;

import io.promptdesk.remote.SecretStore;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the Connections page needs from the composition root.
 *
 * @param workspace   the folder whose {@code promptdesk.yaml} holds the settings
 * @param environment the console's environment ({@code System::getenv}): overrides and whether secrets are set
 * @param secrets     the OS secret store, asked (off the FX thread) whether a named entry is stored
 * @param checks      the "Test connection" calls, run through {@code runner}
 * @param engines     the engines the console runs on, which a saved change switches
 */
public record ConnectionsServices(Path workspace, UnaryOperator<String> environment, SecretStore secrets,
                                  ConnectionChecks checks, EngineSwitch engines, BackgroundRunner runner,
                                  DialogService dialogs) {
    public ConnectionsServices {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(dialogs, "dialogs");
    }
}
