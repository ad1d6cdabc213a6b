package io.promptdesk.ui;

import javafx.application.Application;

/** Entry point of the desktop console; {@code io.promptdesk.Main} calls it by reflection. */
public final class ConsoleLauncher {

    private ConsoleLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
