package io.promptdesk.cli;

import io.promptdesk.engine.testing.TextFiles;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Term lists: one term a line, {@code #} starts a comment. */
final class TermFiles {
    private TermFiles() {
    }

    static Set<String> read(Path file) {
        Set<String> terms = new LinkedHashSet<>();
        for (String line : TextFiles.readUtf8(file).split("\r?\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                terms.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}
