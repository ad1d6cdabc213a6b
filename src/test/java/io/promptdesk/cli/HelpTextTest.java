package io.promptdesk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** picocli formats help texts with String.format: a bare % prints a warning beside the help. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        List<String> seen = new ArrayList<>();
        PrintStream original = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            render(PromptDeskCommand.commandLine(), seen);
        } finally {
            System.setErr(original);
        }

        assertThat(seen).contains("promptdesk rollout watch", "promptdesk pipeline", "promptdesk rollback");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static void render(CommandLine cl, List<String> seen) {
        seen.add(cl.getCommandSpec().qualifiedName());
        assertThat(cl.getUsageMessage()).contains("Usage:");
        cl.getSubcommands().values().forEach(sub -> render(sub, seen));
    }
}
