package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatsCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void regressExitsOneOnTheSpecExampleAndPrintsOnlyJson() throws Exception {
        Path b = file("baseline.json", "[95, 98, 92, 96, 94, 97, 93, 95]");
        Path c = file("current.txt", "105\n108\n103\n107\n104\n106\n102\n105\n");
        int code = run("regress", "--baseline", b.toString(), "--current", c.toString(), "--metric",
                "response_latency_ms", "--direction", "increase", "--confidence", "0.99", "--json");
        assertThat(code).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("regression_detected").asBoolean()).isTrue();
        assertThat(json.get("metric_name").asText()).isEqualTo("response_latency_ms");
        assertThat(json.get("effect_size").asDouble()).isEqualTo(5.0);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void regressExitsZeroWithAReadableSummaryWhenNothingChanged() throws Exception {
        Path b = file("b.csv", "run,latency_ms\n1,100\n2,101\n3,99\n4,100.5\n5,99.5\n");
        Path c = file("c.csv", "run,latency_ms\n1,100.2\n2,99.8\n3,100.1\n4,100\n5,99.9\n");
        int code = run("regress", "--baseline", b.toString(), "--current", c.toString(), "--column", "latency_ms",
                "--tests", "t_test,mann_whitney");
        assertThat(code).isEqualTo(PromptDeskCommand.EXIT_OK);
        assertThat(out.toString()).startsWith("NO REGRESSION  metric (direction both, 95% confidence)")
                .contains("t_test", "mann_whitney", "No regression");
    }

    @Test
    void aGateThatCannotJudgeFailsClosedUnlessInconclusiveIsAllowed() throws Exception {
        Path b = file("one-b.txt", "100\n");
        Path c = file("one-c.txt", "250\n");
        int code = run("regress", "--baseline", b.toString(), "--current", c.toString(), "--json");
        assertThat(code).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(json.get("regression_detected").asBoolean()).isFalse();
        assertThat(err.toString()).contains("inconclusive").contains("--allow-inconclusive");
        out.getBuffer().setLength(0);
        assertThat(run("regress", "--baseline", b.toString(), "--current", c.toString(), "--allow-inconclusive"))
                .isEqualTo(PromptDeskCommand.EXIT_OK);
        assertThat(out.toString()).startsWith("INCONCLUSIVE");
    }

    @Test
    void aBinaryFileOrMalformedJsonIsNamedAsFileLineColumnInPrintableCharacters() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        Path bin = Files.write(dir.resolve("chart.png"), png);
        Path c = file("c.txt", "1\n2\n3\n");
        assertThat(run("regress", "--baseline", bin.toString(), "--current", c.toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("chart.png: is a binary file").doesNotContain("PNG")
                .matches("(?s)[\\p{Print}\\s]*");
        err.getBuffer().setLength(0);
        Path broken = file("broken.json", "[1, 2,\n 3, x]");
        assertThat(run("regress", "--baseline", broken.toString(), "--current", c.toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("broken.json:2:5: not a valid JSON array of numbers")
                .doesNotContain("Source:").doesNotContain("REDACTED");
        err.getBuffer().setLength(0);
        Path cases = file("cases.json", "[{\"topic\": \"tea\"},\n {\"topic\": ]");
        assertThat(run("test", "--template", "Hi {topic}", "--cases", cases.toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("cases.json:2:").doesNotContain("Source:");
    }

    @Test
    void aNanOrInfiniteTestThresholdIsBadInput() throws Exception {
        Path t = file("t.prompt", "Write a hook about {topic}, please, in one short and friendly sentence.");
        Path cases = file("cases.json", "[{\"topic\": \"tea\"}]");
        for (String limit : List.of("NaN", "Infinity", "-1")) {
            err.getBuffer().setLength(0);
            int code = run("test", "--template-file", t.toString(), "--cases", cases.toString(), "--threshold",
                    "average_test_time=" + limit);
            assertThat(code).as(limit).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
            assertThat(err.toString()).as(limit).contains("average_test_time").contains("not a limit");
        }
    }

    @Test
    void badInputNamesTheFileAndLineAndExitsTwo() throws Exception {
        Path b = file("b.txt", "1\n2\nabc\n4\n");
        Path c = file("c.txt", "1\n2\n3\n");
        assertThat(run("regress", "--baseline", b.toString(), "--current", c.toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("promptdesk regress: " + b + ":3: 'abc' is not a number");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void nanIsRejectedWithItsLineUnlessDropNanIsGiven() throws Exception {
        Path b = file("b.txt", "10\n11\nnan\n12\n13\n");
        Path c = file("c.txt", "10\n12\n11\n13\n");
        assertThat(run("regress", "--baseline", b.toString(), "--current", c.toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains(b + ":3: 'nan' is not a finite number").contains("--drop-nan");
        assertThat(run("regress", "--baseline", b.toString(), "--current", c.toString(), "--drop-nan", "--json"))
                .isEqualTo(PromptDeskCommand.EXIT_OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("summary_statistics").get("baseline")
                .get("max").asDouble()).isEqualTo(13);
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Path b = file("b.txt", "1\n2\n3\n");
        assertThat(run("regress", "--baseline", b.toString())).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(run("regress", "--baseline", b.toString(), "--current", b.toString(), "--direction", "up"))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown direction 'up'");
        assertThat(run("regress", "--baseline", b.toString(), "--current", dir.resolve("missing.txt").toString()))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("missing.txt: no such file");
        assertThat(run("regress", "--baseline", b.toString(), "--current", b.toString(), "--confidence", "2"))
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
    }

    @Test
    void trendPrintsSlopeAndPredictionAsJson() throws Exception {
        Path v = file("v.json", "[3, 5, 7, 9, 11.5]");
        Path t = file("t.txt", "# epoch seconds\n100\n200\n300\n400\n500\n");
        assertThat(run("trend", "--values", v.toString(), "--timestamps", t.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("slope").asDouble()).isCloseTo(0.021, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("prediction").get("at").asDouble()).isEqualTo(600);
        assertThat(json.get("direction").asText()).isEqualTo("increasing");
    }

    @Test
    void trendDropsWholePointsWithDropNan() throws Exception {
        Path v = file("v.txt", "1\n2\nNaN\n4\n5\n");
        assertThat(run("trend", "--values", v.toString())).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(run("trend", "--values", v.toString(), "--drop-nan")).isZero();
        assertThat(out.toString()).startsWith("TREND  increasing: slope 1 per step");
    }

    @Test
    void compareReportsKsMannWhitneyAndPercentiles() throws Exception {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            a.append(100 + i % 10).append('\n');
            b.append(103 + i % 10).append('\n');
        }
        Path fa = file("a.txt", a.toString());
        Path fb = file("b.txt", b.toString());
        assertThat(run("compare", "--a", fa.toString(), "--b", fb.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("kolmogorov_smirnov").get("statistic").asDouble()).isEqualTo(0.3);
        assertThat(json.get("median_difference").get("difference").asDouble()).isEqualTo(3.0);
        assertThat(json.get("percentile_differences")).hasSize(4);
        assertThat(run("compare", "--a", fa.toString(), "--b", fb.toString())).isZero();
        assertThat(out.toString()).contains("Kolmogorov-Smirnov  D = 0.3", "p50");
    }
}
