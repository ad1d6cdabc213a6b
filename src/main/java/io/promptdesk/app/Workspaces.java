package io.promptdesk.app;

import io.promptdesk.store.Workspace;

import java.nio.file.Path;

/** Where workspaces are, for the console and the CLI (which never reach into the store themselves). */
public final class Workspaces {
    private Workspaces() {
    }

    /** The user's data directory for PromptDesk on this system: the workspace when none is named. */
    public static Path defaultDirectory() {
        return Workspace.defaultDirectory();
    }

    /** The embedded store's file in {@code workspace}. */
    public static Path databaseFile(Path workspace) {
        return Workspace.databaseFile(workspace);
    }
}
