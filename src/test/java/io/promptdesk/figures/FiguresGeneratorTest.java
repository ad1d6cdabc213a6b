package io.promptdesk.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiguresGeneratorTest {

    private static final String BEFORE = """
            # Sample

            Text outside the markers stays byte for byte: ≤ µs — "quotes" & <angles>\t\s\s
            ## Measured

            <!-- figures:begin -->
            On the old machine, 2026-11-20, under load (a later date, 2026-11-21, is not the run's).

            | what | goal | measured |
            |---|---|---|
            | live validation (`TemplateValidationBench`) | ≤ 2 ms per keystroke | 0.16 ms valid, 0.22 ms with an error |
            | simulated service, its error | | ± 1,000 |
            | health check (old label) | < 10 ms | 3.6 ms |
            | a rollback (`RollbackBench`) | | 7.4 ms (from 2026-10-01) |
            | 100 concurrent triggers (`RollbackConcurrencyTest`) | exactly 10 run | 10 run, 1.3 s |
            | a row no longer in the spec | | 1 s |
            <!-- figures:end -->

            Details after the block, and a table that is not ours:

            | detector | precision |
            |---|---|
            | x | 1.000 |
            """;

    private static final FiguresGenerator.Run RUN = new FiguresGenerator.Run(LocalDate.of(2026, 12, 1),
            new Machine(2, 24L << 30, "Debian GNU/Linux 12 (bookworm)", "AMD EPYC"), "0.1.0", "JDK of the generator",
            "JMH of the generator", "6.1", "TemplateValidation MlflowAliasMove -f 1 -wi 2 -i 3 -w 1s -r 1s");

    @TempDir
    Path results;
    private FiguresGenerator generator;

    @BeforeEach
    void sampleRun() throws IOException, URISyntaxException {
        generator = new FiguresGenerator(FigureSpec.load(resource("figures-sample.yaml")));
        Files.copy(resource("jmh-sample.json"), results.resolve("jmh.json"));
        Files.writeString(results.resolve("million.json"), "{\"cases\": 1000000, \"passed\": 1000000, "
                + "\"seconds\": 6.43, \"cases_per_second\": 155512.4, \"heap_used_mb\": 524.6, \"max_heap_mb\": 1024}");
        Files.writeString(results.resolve("startup.json"), "{\"runs\": 3, \"jar_ms\": 2712, \"jar_runs_ms\": [2712,2650,2790]}");
    }

    @Test
    void rendersEveryRowFromTheRunInTheSpecsOrderWithUnitsAndRounding() throws IOException {
        String after = generator.generate(BEFORE, Measurements.read(results, new ObjectMapper()), RUN).readme();

        assertThat(tableOf(after)).containsExactly(
                "| what | goal | measured |",
                "|---|---|---|",
                // 161.982 and 204.6 us/op
                "| live validation (`TemplateValidationBench`) | ≤ 2 ms per keystroke | 0.16 ms valid, 0.20 ms with an error |",
                // scorePercentiles 50.0 = 0.94208 and 99.0 = 8.0485 ms/op
                "| MLflow alias move (`MlflowAliasMoveBench`) | < 200 ms p99 | 0.94 ms median, 8.0 ms p99 |",
                // 166,432.7 ± 21,377 ops/s
                "| cases per second (`RunnerThroughputBench`) | ≥ 100,000 | 166,000 ± 21,000 |",
                // 20,702.4 ops/ms are 20.7 million per second
                "| simulated service (`SimulatorThroughputBench`) | | 20.7 million req/s |",
                // JMH's error is "NaN": not measured, so the previous cell stays
                "| simulated service, its error | | ± 1,000 (from 2026-11-20) |",
                // 996.4 ns/op
                "| SQL-injection detector (`SqlInjectionBench`) | | 1.0 µs |",
                // @Param n: 4.66 and 709.3 ms/op
                "| four analyses, 10^4 / 10^7 | | 4.7 ms / 710 ms |",
                "| 1,000,000 cases (`bench/run-million.sh`) | completes | 6.4 s, 156,000 cases/s, 525 MB heap in use |",
                // no app image in this run: the second template
                "| console on screen (`bench/startup.sh`) | < 2 s | 2.7 s with `java -jar` (no app image) |",
                // not benchmarked in this run; the row was renamed since
                "| health check (`HealthCheckBench`) | < 10 ms | 3.6 ms (from 2026-11-20) |",
                // carried before: keeps its own date
                "| a rollback (`RollbackBench`) | | 7.4 ms (from 2026-10-01) |",
                // a test's figures, no template: always carried
                "| 100 concurrent triggers (`RollbackConcurrencyTest`) | exactly 10 run | 10 run, 1.3 s (from 2026-11-20) |",
                "| a row added since the last run | | not measured yet |");
    }

    @Test
    void keepsEveryByteOutsideTheMarkers() throws IOException {
        String after = generator.generate(BEFORE, Measurements.read(results, new ObjectMapper()), RUN).readme();

        String begin = MeasuredBlock.BEGIN;
        String end = MeasuredBlock.END;
        assertThat(after.substring(0, after.indexOf(begin) + begin.length()))
                .isEqualTo(BEFORE.substring(0, BEFORE.indexOf(begin) + begin.length()));
        assertThat(after.substring(after.indexOf(end))).isEqualTo(BEFORE.substring(BEFORE.indexOf(end)));
        assertThat(after).contains("<angles>\t  \n## Measured").endsWith("| x | 1.000 |\n");
    }

    @Test
    void headerNamesTheDateMachineJdkAndVersionsWrappedLikeTheReadme() throws IOException {
        String after = generator.generate(BEFORE, Measurements.read(results, new ObjectMapper()), RUN).readme();

        String header = after.substring(after.indexOf(MeasuredBlock.BEGIN) + MeasuredBlock.BEGIN.length(),
                after.indexOf("\n\n| what"));
        assertThat(header.lines().skip(1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(115))
                // a code span is never broken over two lines
                .allSatisfy(line -> assertThat(line.chars().filter(c -> c == '`').count() % 2).isZero());
        // JDK and JMH as JMH's results name them, not the generator's fallbacks
        assertThat(header.strip().replace('\n', ' ')).isEqualTo("Measured 2026-12-01 on 2 cores (AMD EPYC), 24 GiB, "
                + "Debian GNU/Linux 12 (bookworm); OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1; PromptDesk 0.1.0; "
                + "JMH 1.37 run with `TemplateValidation MlflowAliasMove -f 1 -wi 2 -i 3 -w 1s -r 1s`; load average 6.1.");
    }

    @Test
    void withoutJmhTheHeaderFallsBackAndEveryJmhRowIsCarried() throws IOException {
        Files.delete(results.resolve("jmh.json"));

        FiguresGenerator.Result r = generator.generate(BEFORE, Measurements.read(results, new ObjectMapper()), RUN);

        assertThat(r.measured()).containsExactly("1,000,000 cases (`bench/run-million.sh`)",
                "console on screen (`bench/startup.sh`)");
        assertThat(r.readme().replace('\n', ' '))
                .contains("; JDK of the generator; PromptDesk 0.1.0; JMH JMH of the generator run");
        assertThat(r.readme()).contains("| live validation (`TemplateValidationBench`) | ≤ 2 ms per keystroke | 0.16 ms valid, "
                        + "0.22 ms with an error (from 2026-11-20) |")
                .contains("| MLflow alias move (`MlflowAliasMoveBench`) | < 200 ms p99 | not measured yet |");
    }

    @Test
    void aSecondRunKeepsEachCarriedCellsOwnDateAndIsStable() throws IOException {
        Measurements none = Measurements.read(results.resolve("nothing"), new ObjectMapper());
        String first = generator.generate(BEFORE, Measurements.read(results, new ObjectMapper()), RUN).readme();
        FiguresGenerator.Run later = new FiguresGenerator.Run(LocalDate.of(2026, 12, 5), RUN.machine(), "0.1.0",
                "jdk", "jmh", "", "");

        String second = generator.generate(first, none, later).readme();

        assertThat(second).contains("| SQL-injection detector (`SqlInjectionBench`) | | 1.0 µs (from 2026-12-01) |")
                .contains("| health check (`HealthCheckBench`) | < 10 ms | 3.6 ms (from 2026-11-20) |")
                .contains("| a rollback (`RollbackBench`) | | 7.4 ms (from 2026-10-01) |")
                .contains("Measured 2026-12-05").contains("load average unknown");
        assertThat(generator.generate(second, none, later).readme()).isEqualTo(second);
    }

    @Test
    void refusesAReadmeWithoutBothMarkersInOrder() {
        String begin = MeasuredBlock.BEGIN;
        String end = MeasuredBlock.END;
        Measurements none = new Measurements(null, Map.of());
        for (String readme : new String[]{"no markers\n", begin + "\nonly the start\n", "only the end\n" + end,
                end + "\n" + begin + "\n", begin + begin + end, begin + end + end}) {
            assertThatThrownBy(() -> generator.generate(readme, none, RUN))
                    .as(readme).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marker");
        }
    }

    @Test
    void anAmbiguousParameterisedBenchmarkIsASpecError() throws IOException {
        FigureSpec.Value unnamed = new FigureSpec.Value("StatsFourAnalysesBench.fourAnalyses", null, null, null,
                null, null, "ms", null);

        Measurements m = Measurements.read(results, new ObjectMapper());

        assertThatThrownBy(() -> m.figure(unnamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matches 2 results");
    }

    @Test
    void aTemplateNamingAnUndefinedValueIsRefusedWhenTheSpecLoads() {
        assertThatThrownBy(() -> new FigureSpec.Row("row", null, null, java.util.List.of("{a} and {b}"),
                Map.of("a", new FigureSpec.Value(null, null, null, "million", "/seconds", "s", "s", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{b}");
    }

    /** The block's table lines. */
    private static java.util.List<String> tableOf(String readme) {
        String inner = MeasuredBlock.of(readme).inner();
        return inner.lines().filter(l -> l.startsWith("|")).toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FiguresGeneratorTest.class.getResource(name).toURI());
    }
}
