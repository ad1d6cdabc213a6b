package io.promptdesk.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where a workspace keeps its database: {@code <workspace>/promptdesk.db}. */
public final class Workspace {
    public static final String DATABASE_FILE = "promptdesk.db";

    private Workspace() {
    }

    public static Path databaseFile(Path workspace) {
        return workspace.resolve(DATABASE_FILE);
    }

    /** The user's data directory for PromptDesk on this system. */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The platform convention: XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
    static Path defaultDirectory(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "PromptDesk")
                    : Path.of(home, "AppData", "Roaming", "PromptDesk");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "PromptDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "promptdesk") : Path.of(home, ".local", "share", "promptdesk");
    }
}
