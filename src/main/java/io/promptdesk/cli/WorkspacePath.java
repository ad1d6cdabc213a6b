package io.promptdesk.cli;

import io.promptdesk.app.Workspaces;

import java.nio.file.Path;

/** The workspace a command works in: --workspace, else the user's data directory. */
final class WorkspacePath {
    private WorkspacePath() {
    }

    static Path of(Path option) {
        return option != null ? option : Workspaces.defaultDirectory();
    }
}
