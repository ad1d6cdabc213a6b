package io.promptdesk;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Says why the console could not open, in words a person can act on: the real cause (never "null"), and when it is
 * the desktop underneath - GTK 3 missing, no display - what to install or do, for this system.
 */
final class ConsoleFailure {
    /** Where Linux distributions put libgtk-3.so.0. */
    static final List<String> GTK_PATHS = List.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0",
            "/usr/lib/aarch64-linux-gnu/libgtk-3.so.0", "/usr/lib64/libgtk-3.so.0", "/usr/lib/libgtk-3.so.0",
            "/lib/x86_64-linux-gnu/libgtk-3.so.0");

    private ConsoleFailure() {
    }

    static String explain(Throwable failure) {
        return explain(failure, System.getProperty("os.name", ""), System.getenv(),
                p -> Files.exists(Path.of(p)));
    }

    static String explain(Throwable failure, String osName, Map<String, String> env, Predicate<String> exists) {
        Throwable root = failure;
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvocationTargetException) {
                continue;
            }
            root = t;
            if (!chain.isEmpty()) {
                chain.append(": ");
            }
            chain.append(t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage().strip());
            if (t.getCause() == t) {
                break;
            }
        }
        String what = chain.isEmpty() ? root.getClass().getName() : chain.toString();
        StringBuilder out = new StringBuilder("promptdesk: cannot open the console: ").append(what);
        if (osName.toLowerCase(Locale.ROOT).contains("linux")) {
            if (GTK_PATHS.stream().noneMatch(exists)) {
                out.append("\nThe GTK 3 libraries JavaFX draws with are not installed. Install them with:")
                        .append("\n  Debian, Ubuntu:  sudo apt install libgtk-3-0")
                        .append("\n  Fedora, RHEL:    sudo dnf install gtk3")
                        .append("\n  openSUSE:        sudo zypper install gtk3")
                        .append("\n  Arch:            sudo pacman -S gtk3");
            } else if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
                out.append("\nThere is no display (neither DISPLAY nor WAYLAND_DISPLAY is set): open the console on a "
                        + "desktop session, or under a virtual one (xvfb-run promptdesk).");
            }
        }
        out.append("\nThe headless commands need no display: run 'promptdesk --help'.");
        return out.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
