package io.promptdesk.figures;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real bench/figures.yaml against the real README.md: no row of the table is lost or made up. */
class FiguresSpecTest {

    private static final Path README = Path.of("README.md");
    private static final Path SPEC = Path.of("bench/figures.yaml");

    @Test
    void everyRowOfTheReadmesTableHasARowInTheSpec() throws IOException {
        FigureSpec spec = FigureSpec.load(SPEC);
        List<String> known = new ArrayList<>();
        for (FigureSpec.Row row : spec.rows()) {
            known.add(row.what());
            known.addAll(row.was());
        }

        Map<String, String> cells = MeasuredBlock.of(Files.readString(README, StandardCharsets.UTF_8)).cells();

        assertThat(cells).isNotEmpty();
        assertThat(known).containsAll(cells.keySet());
        assertThat(spec.rows()).hasSizeGreaterThanOrEqualTo(cells.size());
    }

    @Test
    void withNothingMeasuredEveryCellIsKeptAndOnlyMarkedWithItsDate() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        MeasuredBlock before = MeasuredBlock.of(readme);
        FiguresGenerator.Run run = new FiguresGenerator.Run(LocalDate.of(2030, 1, 1),
                new Machine(2, 0, "Linux", null), "0.1.0", "jdk", "jmh", "", "");

        FiguresGenerator.Result r = new FiguresGenerator(FigureSpec.load(SPEC))
                .generate(readme, new Measurements(null, Map.of()), run);

        assertThat(r.measured()).isEmpty();
        Map<String, String> after = MeasuredBlock.of(r.readme()).cells();
        FigureSpec spec = FigureSpec.load(SPEC);
        for (FigureSpec.Row row : spec.rows()) {
            String old = before.cells().get(row.what());
            for (int i = 0; old == null && i < row.was().size(); i++) {
                old = before.cells().get(row.was().get(i));
            }
            String now = after.get(row.what());
            assertThat(now).as(row.what()).isNotNull();
            if (old == null) {
                assertThat(now).isEqualTo("not measured yet");
            } else {
                assertThat(now).as(row.what()).startsWith(old).matches(".* \\(from \\d{4}-\\d{2}-\\d{2}\\)");
            }
        }
    }
}
