package io.promptdesk;

import io.promptdesk.cli.PromptDeskCommand;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.engine.validation.injection.InjectionClassifier;

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
        // The detectors load word lists and lexicons; do it on the second core while the toolkit starts.
        // The learned injection classifier's weights are read here too, not at the first keystroke check.
        Thread warm = new Thread(() -> {
            Rules.resolve(Rules.ALL_NAMES, RuleSettings.defaults());
            InjectionClassifier.shipped();
        }, "promptdesk-warm-up");
        warm.setDaemon(true);
        warm.start();
        // Loaded by name so that the CLI never touches JavaFX classes.
        try {
            Class.forName("io.promptdesk.ui.ConsoleLauncher")
                    .getMethod("launch", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println(ConsoleFailure.explain(e));
            System.exit(2);
        }
    }
}
