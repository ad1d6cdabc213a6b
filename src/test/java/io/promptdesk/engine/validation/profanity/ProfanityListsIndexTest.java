package io.promptdesk.engine.validation.profanity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The index of optional word lists names exactly the lists shipped, so none is missed and none looked for. */
class ProfanityListsIndexTest {
    @Test
    void theIndexNamesEveryOptionalListInTheRepositoryAndNoOther() throws IOException {
        Path root = Path.of("resources", "wordlists");
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("(allow|extra|mild)/[^/]+\\.txt")).sorted().toList();
        }
        assertThat(onDisk).hasSizeGreaterThan(50);
        assertThat(ProfanityLists.optionalLists()).containsExactlyInAnyOrderElementsOf(onDisk);
    }
}
