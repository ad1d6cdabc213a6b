package io.promptdesk.cli;

import io.promptdesk.engine.audit.AuditVerification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code promptdesk audit verify}: recomputes the hash chain and names the first row that does not fit. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute the audit log's hash chain: an edited or deleted row is named.",
        footer = {"", "Exit codes: 0 intact, 1 broken (the first bad row is named), 2 bad usage or an unusable store.",
                "Note the printed head: a later log must still contain it (removing the last rows leaves a valid "
                        + "but shorter chain)."})
public final class AuditVerifyCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder holding promptdesk.db (default: the user's data directory).")
    Path workspace;

    @CommandLine.Mixin
    ConnectionOptions connections = new ConnectionOptions();

    @Override
    public Integer call() {
        AuditVerification v;
        try (RollbackServices services = RollbackServices.openForReading(connections.on(WorkspacePath.of(workspace)))) {
            v = services.audit.verify();
        }
        if (v.intact()) {
            out().println("audit log intact: " + v.rows() + " row" + (v.rows() == 1 ? "" : "s") + ", head #"
                    + v.headSeq() + " " + v.headHash());
            out().flush();
            return PromptDeskCommand.EXIT_OK;
        }
        out().println("audit log BROKEN at row " + v.firstBadSeq() + ": " + v.problem());
        out().println(v.rows() + " row" + (v.rows() == 1 ? "" : "s") + " before it are intact, up to #" + v.headSeq()
                + " " + v.headHash());
        out().flush();
        return PromptDeskCommand.EXIT_GATE_FAILED;
    }
}
