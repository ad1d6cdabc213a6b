package io.promptdesk.ui.author;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheNewestFirstWithoutDuplicatesUpToTheLimit() throws IOException {
        RecentFiles recent = RecentFiles.forWorkspace(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < RecentFiles.LIMIT + 2; i++) {
            files.add(Files.writeString(dir.resolve("t" + i + ".prompt"), "x"));
            recent.remember(files.get(i));
        }
        recent.remember(files.get(5));

        List<Path> loaded = RecentFiles.forWorkspace(dir).load();
        assertThat(loaded).hasSize(RecentFiles.LIMIT).startsWith(files.get(5), files.get(11), files.get(10))
                .doesNotContain(files.get(0), files.get(1)).doesNotHaveDuplicates();
    }

    @Test
    void forgetsFilesThatNoLongerExist() throws IOException {
        RecentFiles recent = RecentFiles.forWorkspace(dir);
        Path gone = Files.writeString(dir.resolve("gone.prompt"), "x");
        Path kept = Files.writeString(dir.resolve("kept.prompt"), "x");
        recent.remember(gone);
        recent.remember(kept);
        Files.delete(gone);

        assertThat(recent.load()).containsExactly(kept);
    }
}
