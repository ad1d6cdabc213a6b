package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleFilesTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("sample"), content);
    }

    @Test
    void readsJsonArraysIncludingTheReferenceEncodingOfNonFiniteNumbers() throws IOException {
        Path f = file("[1, 2.5e3, -0.25,\n \"NaN\", null, \"Infinity\"]");
        assertThat(SampleFiles.read(f, null, true).values()).containsExactly(1, 2500, -0.25);
        assertThat(SampleFiles.read(f, null, true).dropped()).isEqualTo(3);
        assertThatThrownBy(() -> SampleFiles.read(f, null, false)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ":2: 'NaN' is not a finite number (drop non-finite values to ignore it: --drop-nan)");
        assertThat(SampleFiles.readKeepingNonFinite(f, null)).hasSize(6);
    }

    @Test
    void readsOneNumberPerLineSkippingBlanksAndComments() throws IOException {
        Path f = file("# latency\n\n12\r\n13.5\n  14 \n");
        assertThat(SampleFiles.read(f, null, false).values()).containsExactly(12, 13.5, 14);
    }

    @Test
    void readsACsvColumnByNameWithQuotedCells() throws IOException {
        Path f = file("name,\"latency, ms\",ok\n\"a,b\",10,1\nc,11,1\n");
        assertThat(SampleFiles.read(f, "latency, ms", false).values()).containsExactly(10, 11);
        assertThatThrownBy(() -> SampleFiles.read(f, null, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(":1: CSV with columns name, latency, ms, ok; pick one with --column");
        assertThatThrownBy(() -> SampleFiles.read(f, "p99", false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no column 'p99'");
    }

    @Test
    void errorsNameFileLineAndProblem() throws IOException {
        Path ragged = file("a,b\n1,2\n3\n");
        assertThatThrownBy(() -> SampleFiles.read(ragged, "a", false)).hasMessage(ragged
                + ":3: 1 cells, but the header has 2");
        Path empty = file("\n# nothing\n");
        assertThatThrownBy(() -> SampleFiles.read(empty, null, false)).hasMessage(empty + ": no values");
        Path json = file("[1, [2]]");
        assertThatThrownBy(() -> SampleFiles.read(json, null, false)).hasMessage(json
                + ":1: a nested array in the array; expected a number");
        Path hex = file("0x10\n");
        assertThatThrownBy(() -> SampleFiles.read(hex, null, false)).hasMessage(hex + ":1: '0x10' is not a number");
        Path word = file("1\n2d\n");
        assertThatThrownBy(() -> SampleFiles.read(word, null, false)).hasMessage(word + ":2: '2d' is not a number");
        assertThatThrownBy(() -> SampleFiles.read(dir.resolve("none"), null, false))
                .hasMessageEndingWith("none: no such file");
    }
}
