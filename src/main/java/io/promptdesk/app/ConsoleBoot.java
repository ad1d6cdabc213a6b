package io.promptdesk.app;

import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.model.PromptDeskException;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * What the console needs before it can build its window - the workspace folder (the sample one on first start), its
 * database with migrations applied, the recorded runs - prepared on a thread of its own while the JavaFX toolkit
 * starts, so the two overlap on a two-core desk.
 *
 * @param workspace the workspace folder, ready
 * @param engines   the engines on the workspace's store (embedded, or the team store its promptdesk.yaml names),
 *                  open; the console closes them when it stops
 * @param history   the recorded test runs
 */
public record ConsoleBoot(Path workspace, Engines engines, RunHistory history) {

    /** Why the console cannot start, with a heading and what to do, for a dialog. */
    public static final class BootException extends PromptDeskException {
        private final String heading;

        BootException(String heading, String message, Throwable cause) {
            super(message, cause);
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    /** Starts preparing on a daemon thread; the future fails with a {@link BootException}. */
    public static CompletableFuture<ConsoleBoot> begin(WorkspaceLocator locator, Clock clock) {
        CompletableFuture<ConsoleBoot> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(prepare(locator, clock));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "promptdesk-boot");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Prepares on the calling thread. */
    public static ConsoleBoot prepare(WorkspaceLocator locator, Clock clock) {
        Path workspace;
        try {
            workspace = locator.prepare();
        } catch (UncheckedIOException e) {
            throw new BootException("Cannot open the workspace", e.getMessage() + "\nSet -D" + WorkspaceLocator.PROPERTY
                    + " or " + WorkspaceLocator.ENV + " to a writable folder.", e);
        }
        Engines engines;
        try {
            // The CLI's --workspace store: the console and the CLI see the same registry and rollouts. The console
            // chooses its remote engines itself (Connections page), so the engines are built on the embedded ones.
            engines = Engines.open(Engines.Config.of(workspace).withClock(clock)
                    .withStore(ConnectionsFile.readStore(workspace, System::getenv)));
            try {
                // Who this desk is and what it may do, asked now (off the FX thread) for the buttons to follow.
                engines.access().identity();
            } catch (PromptDeskException e) {
                engines.close();
                throw e;
            }
        } catch (PromptDeskException e) {
            throw new BootException("Cannot open the workspace database", e.getMessage(), e);
        }
        return new ConsoleBoot(workspace, engines, RunHistory.forWorkspace(workspace, clock));
    }
}
