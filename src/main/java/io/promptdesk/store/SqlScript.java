package io.promptdesk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements: each ends with {@code ;} at the end of a line, except a
 * {@code CREATE TRIGGER}, whose body holds semicolons and which ends at a line {@code END;}. Lines starting with
 * {@code --} are comments.
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean trigger = false;
        for (String raw : script.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            if (current.length() == 0) {
                trigger = line.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            }
            current.append(raw).append('\n');
            boolean ends = trigger ? line.equalsIgnoreCase("END;") : line.endsWith(";");
            if (ends) {
                String statement = current.toString().strip();
                out.add(trigger ? statement : statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("the script ends inside a statement: " + current.toString().strip());
        }
        return out;
    }
}
