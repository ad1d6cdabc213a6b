package io.promptdesk.ui.regression;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sample files as the workspace reads them: CSV columns, JSON arrays, plain lists, pasted text. */
class SampleFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void csvListsItsColumnsAndPicksTheFirstMeasurement() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "# note\ntimestamp,run_id,\"p95 ms\",host\n"
                + "1700000000,7,12.5,a\n1700000060,8,NaN,b\n");

        SampleFileReader.FileSample s = SampleFileReader.read(f, null);

        assertThat(s.columns()).containsExactly("timestamp", "run_id", "p95 ms", "host");
        assertThat(s.column()).isEqualTo("p95 ms");
        assertThat(s.values()).containsExactly(12.5, Double.NaN);
        assertThat(SampleFileReader.read(f, "run_id").values()).containsExactly(7.0, 8.0);
    }

    @Test
    void withOnlyIdsAndTimesTheFirstNumericColumnIsUsed() {
        assertThat(SampleFileReader.defaultColumn(List.of("name", "id", "timestamp"), List.of("x", "3", "4")))
                .isEqualTo("id");
    }

    @Test
    void jsonArraysAndPlainListsHaveNoColumns() throws IOException {
        Path json = Files.writeString(dir.resolve("a.json"), "[1, 2.5, null]");
        Path plain = Files.writeString(dir.resolve("b.txt"), "\uFEFF# ms\n3\n4\n\n5\n");

        assertThat(SampleFileReader.read(json, null).columns()).isEmpty();
        assertThat(SampleFileReader.read(json, null).values()).containsExactly(1.0, 2.5, Double.NaN);
        assertThat(SampleFileReader.read(plain, null).values()).containsExactly(3.0, 4.0, 5.0);
        assertThatThrownBy(() -> SampleFileReader.read(plain, "ms")).isInstanceOf(BadInputException.class)
                .hasMessage("b.txt has no columns to choose from");
    }

    @Test
    void missingFilesAndColumnsAreNamed() throws IOException {
        Path f = Files.writeString(dir.resolve("s.csv"), "a,b\n1,2\n");

        assertThatThrownBy(() -> SampleFileReader.read(dir.resolve("none.csv"), null))
                .hasMessageEndingWith("none.csv: no such file");
        assertThatThrownBy(() -> SampleFileReader.read(f, "c")).hasMessageContaining("no column 'c' (columns: a, b)");
    }

    @Test
    void pastedNumbersAcceptSpreadsheetAndLogSeparators() {
        assertThat(PastedNumbers.parse(" 1,2;3\n4\t5  -6e1 inf ")).containsExactly(1, 2, 3, 4, 5, -60,
                Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> PastedNumbers.parse("  \n ")).hasMessageStartingWith("no numbers pasted");
    }
}
