package io.promptdesk.ui.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.SecretStore;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The checks of single fields of the Connections page; each returns "" when the text is fine, else why not. */
final class FieldRules {
    static final long MAX_TIMEOUT_MS = 600_000;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private FieldRules() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String strip(String s) {
        return blank(s) ? null : s.strip();
    }

    /** A blank URL is allowed only when {@code optional} (the engine is then the embedded one). */
    static String url(String service, String text, boolean optional) {
        if (blank(text)) {
            return optional ? "" : "the " + service + " URL is needed";
        }
        try {
            RemoteEndpoint.parseUrl(service, text);
            return "";
        } catch (BadInputException e) {
            return e.getMessage();
        }
    }

    /** The name of an environment variable: the secret itself must never be typed here. */
    static String variable(String what, String text) {
        if (blank(text)) {
            return "name the environment variable holding the " + what;
        }
        if (!VARIABLE.matcher(text.strip()).matches()) {
            return "'" + text.strip() + "' is not an environment variable name (letters, digits and _): give the "
                    + "variable's name, never the " + what + " itself";
        }
        return "";
    }

    /** The name of an OS secret store entry; a rejected text is not repeated, as it may be the secret itself. */
    static String entry(String what, String text) {
        if (blank(text)) {
            return "name the OS secret store entry holding the " + what;
        }
        if (!SecretStore.isEntryName(text.strip())) {
            return "not a secret store entry name (letters, digits and . _ - @ / : +, starting with a letter or "
                    + "digit): give the entry's name, never the " + what + " itself";
        }
        return "";
    }

    static String required(String what, String text) {
        return blank(text) ? what + " is needed" : "";
    }

    static String caFile(String text) {
        if (blank(text)) {
            return "";
        }
        try {
            return Files.isRegularFile(Path.of(text.strip())) ? "" : "no CA file at " + text.strip();
        } catch (InvalidPathException e) {
            return "'" + text.strip() + "' is not a file path";
        }
    }

    static String millis(String what, String text) {
        if (blank(text)) {
            return "";
        }
        try {
            long ms = Long.parseLong(text.strip());
            return ms > 0 && ms <= MAX_TIMEOUT_MS ? ""
                    : what + " must be between 1 and " + MAX_TIMEOUT_MS + " ms, got " + ms;
        } catch (NumberFormatException e) {
            return what + " must be a whole number of milliseconds, got '" + text.strip() + "'";
        }
    }

    static Duration duration(String millisText) {
        return blank(millisText) ? null : Duration.ofMillis(Long.parseLong(millisText.strip()));
    }

    static String text(Duration d) {
        return d == null ? "" : String.valueOf(d.toMillis());
    }

    /** Whether the named variable is set in the console's environment; the value itself is never shown. */
    static String variableStatus(String name, UnaryOperator<String> environment) {
        if (blank(name) || !variable("secret", name).isEmpty()) {
            return "";
        }
        return variableSet(name, environment) ? "$" + name.strip() + " is set"
                : "$" + name.strip() + " is not set in the console's environment";
    }

    static boolean variableSet(String name, UnaryOperator<String> environment) {
        if (blank(name)) {
            return false;
        }
        String value = environment.apply(name.strip());
        return value != null && !value.isBlank();
    }
}
