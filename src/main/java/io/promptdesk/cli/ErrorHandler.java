package io.promptdesk.cli;

import io.promptdesk.model.PromptDeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Domain errors become one line on stderr and exit 2; a service the action needs that did not answer (the team
 * store) exits 1 - the action failed, it was not asked wrongly; anything else is logged once and exits 2.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof PromptDeskException) {
            cl.getErr().println("promptdesk " + cl.getCommandName() + ": " + ex.getMessage());
        } else {
            LOG.debug("unexpected failure", ex);
            cl.getErr().println("promptdesk " + cl.getCommandName() + ": unexpected error: " + ex
                    + " (run with -Dlogback.level=debug for details)");
        }
        cl.getErr().flush();
        return ex instanceof io.promptdesk.model.Unreachable ? PromptDeskCommand.EXIT_GATE_FAILED
                : PromptDeskCommand.EXIT_BAD_INPUT;
    }
}
