package io.promptdesk.ui;

import io.promptdesk.app.ConsoleBoot;
import io.promptdesk.app.WorkspaceLocator;
import javafx.application.Application;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** Entry point of the desktop console; {@code io.promptdesk.Main} calls it by reflection. */
public final class ConsoleLauncher {
    /**
     * The workspace being prepared while the toolkit starts. JavaFX creates the application itself, so this is how
     * the launcher hands it over; taken once by {@link ConsoleApp#start}.
     */
    private static CompletableFuture<ConsoleBoot> boot;

    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        synchronized (ConsoleLauncher.class) {
            boot = ConsoleBoot.begin(WorkspaceLocator.fromSystem(), Clock.systemUTC());
        }
        Application.launch(ConsoleApp.class, args);
    }

    /** The preparation begun by {@link #launch}, or one begun now when the app was started another way. */
    static synchronized CompletableFuture<ConsoleBoot> takeBoot() {
        CompletableFuture<ConsoleBoot> b = boot != null ? boot
                : ConsoleBoot.begin(WorkspaceLocator.fromSystem(), Clock.systemUTC());
        boot = null;
        return b;
    }
}
