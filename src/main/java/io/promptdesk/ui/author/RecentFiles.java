package io.promptdesk.ui.author;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Most-recently-used template files, newest first, persisted one path per line in a small text file
 * (in the workspace's {@code .promptdesk} folder, so each workspace remembers its own).
 */
public final class RecentFiles {

    public static final int LIMIT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The store for a workspace folder. */
    public static RecentFiles forWorkspace(Path workspace) {
        return new RecentFiles(workspace.resolve(".promptdesk").resolve("recent-files.txt"));
    }

    /** The remembered files that still exist; an unreadable store counts as empty. */
    public List<Path> load() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && Files.isRegularFile(Path.of(line.strip()))) {
                    out.add(Path.of(line.strip()));
                }
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable recent-files list {}: {}", store, e.getMessage());
            return List.of();
        }
    }

    /** Moves {@code file} to the front and stores the list; returns the new list. */
    public List<Path> remember(Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(load());
        list.remove(normalized);
        list.add(0, normalized);
        if (list.size() > LIMIT) {
            list.subList(LIMIT, list.size()).clear();
        }
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, list.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Losing the recent list is harmless; opening the file itself worked.
            LOG.warn("cannot store recent files in {}: {}", store, e.getMessage());
        }
        return List.copyOf(list);
    }
}
