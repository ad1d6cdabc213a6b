package io.promptdesk;

import io.promptdesk.cli.PromptDeskCommand;

/** Decides: a CLI subcommand runs headless; no argument opens the desktop console. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchConsole(args);
            return;
        }
        System.exit(PromptDeskCommand.execute(args));
    }

    private static void launchConsole(String[] args) {
        // Loaded by name so that the CLI never touches JavaFX classes.
        try {
            Class.forName("io.promptdesk.ui.ConsoleLauncher")
                    .getMethod("launch", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException e) {
            System.err.println("promptdesk: cannot open the console: " + e.getMessage()
                    + "\nRun 'promptdesk --help' for the headless commands.");
            System.exit(2);
        }
    }
}
