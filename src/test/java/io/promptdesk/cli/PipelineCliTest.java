package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineCliTest {
    @TempDir
    Path dir;
    private String ws;
    private Path template;
    private Path template2;
    private Path cases;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("pipeline"));
        all.addAll(List.of(args));
        all.addAll(List.of("--workspace", ws, "--actor", "ci"));
        return new Result(cl.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @BeforeEach
    void files() throws Exception {
        ws = dir.resolve("ws").toString();
        template = dir.resolve("copy.prompt");
        template2 = dir.resolve("copy2.prompt");
        Files.writeString(template, "Write a short, friendly description of {product}, naming two best features.");
        Files.writeString(template2, "Write a brief, friendly description of {product}, naming its best features.");
        cases = dir.resolve("cases.json");
        Files.writeString(cases, IntStream.range(0, 20).mapToObj(i -> "{\"product\": \"gadget number " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]")));
    }

    private Result first() {
        return run("--template-file", template.toString(), "--cases", cases.toString(), "--version", "1.0",
                "--deployment", "copy", "--report-dir", dir.resolve("r1").toString());
    }

    private String[] second(String... extra) {
        List<String> a = new ArrayList<>(List.of("--template-file", template2.toString(), "--cases", cases.toString(),
                "--version", "1.1", "--deployment", "copy", "--report-dir", dir.resolve("r2").toString(),
                "--no-regression-gate"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void firstVersionDeploysAndWritesAllThreeReports() throws Exception {
        Result r = first();

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("deployed: ");
        JsonNode json = Json.mapper().readTree(dir.resolve("r1/pipeline-report.json").toFile());
        assertThat(json.path("run_tests").path("total_tests").asInt()).isEqualTo(20);
        assertThat(json.path("status").asText()).isEqualTo("deployed");
        Document xml = junit(dir.resolve("r1/pipeline-junit.xml"));
        NodeList tests = xml.getElementsByTagName("testcase");
        assertThat(tests.getLength()).isEqualTo(20 + 5);
        assertThat(names(tests)).contains("case 0", "case 19", "run_tests", "detect_regression", "register_version",
                "rollout", "rollback");
        String html = Files.readString(dir.resolve("r1/pipeline-report.html"));
        assertSelfContained(html);
        assertThat(html).contains("<svg", "Per-case execution time");
    }

    @Test
    void noWaitStartsTheRolloutAndExitsZero() throws Exception {
        first();

        Result r = run(second("--no-wait", "--json"));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("status").asText()).isEqualTo("rolling_out");
        assertThat(json.path("rollout").path("current_percentage").asInt()).isEqualTo(10);
        assertThat(json.path("rollout").path("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void simulatedRolloutCompletesAndTheHtmlDrawsItsStages() throws Exception {
        first();

        Result r = run(second("--simulate", "--time-scale", "600", "--stages", "20,100", "--stage-duration", "30",
                "--health-check-interval", "10"));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("[rollout] completed at 100%");
        String html = Files.readString(dir.resolve("r2/pipeline-report.html"));
        assertSelfContained(html);
        assertThat(html).contains("Canary traffic through the rollout stages").contains("<path d=\"M");
    }

    @Test
    void anUnhealthyStageIsRolledBackAndExitsOneNamingTheStep() throws Exception {
        first();

        Result r = run(second("--simulate", "--time-scale", "600", "--stages", "20,100", "--stage-duration", "60",
                "--health-check-interval", "10", "--fault-after", "0"));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gate failed at rollout: Deployment failed, rolled back to 1.0");
        JsonNode json = Json.mapper().readTree(dir.resolve("r2/pipeline-report.json").toFile());
        assertThat(json.path("rollback").path("status").asText()).isEqualTo("success");
        assertThat(json.path("status").asText()).isEqualTo("rolled_back");
        Document xml = junit(dir.resolve("r2/pipeline-junit.xml"));
        assertThat(failedNames(xml)).containsExactly("rollout");
    }

    @Test
    void failingTestsExitOneAtRunTests() throws Exception {
        Files.writeString(cases, "[{\"product\": \"x'; DROP TABLE users; --\"}, {\"product\": \"a lamp\"}]");

        Result r = first();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gate failed at run_tests: Tests failed");
        Document xml = junit(dir.resolve("r1/pipeline-junit.xml"));
        assertThat(failedNames(xml)).containsExactly("case 0", "run_tests");
    }

    @Test
    void aSlowerRunThanTheBaselineFileExitsOneAtDetectRegression() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, IntStream.range(0, 20).mapToObj(i -> "0.0000" + (1 + i % 3))
                .collect(Collectors.joining(",", "[", "]")));

        Result r = run("--template-file", template.toString(), "--cases", cases.toString(), "--version", "1.0",
                "--deployment", "copy", "--baseline", baseline.toString(), "--report-dir", dir.resolve("r").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("gate failed at detect_regression");
        String html = Files.readString(dir.resolve("r/pipeline-report.html"));
        assertThat(html).contains("Regression detected: <b>yes</b>");
    }

    @Test
    void gatesOnlyPassesWithoutWaitingOrRegistering() throws Exception {
        first();

        // Real per-case times are machine noise: a baseline far slower than any run keeps the gate deterministic.
        Path slowBaseline = dir.resolve("slow-baseline.json");
        Files.writeString(slowBaseline, IntStream.range(0, 20).mapToObj(i -> Integer.toString(50 + i))
                .collect(Collectors.joining(",", "[", "]")));
        Result r = run("--template-file", template2.toString(), "--cases", cases.toString(), "--version", "pr-1",
                "--deployment", "copy", "--gates-only", "--baseline", slowBaseline.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("status").asText()).isEqualTo("gates_passed");
        assertThat(json.path("register_version").isNull()).isTrue();
    }

    @Test
    void helpWorksThoughVersionNamesTheVersionToShip() {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));

        assertThat(cl.execute("pipeline", "--help")).isZero();
        assertThat(out.toString()).contains("--template-file=F", "--no-wait", "--report-dir=DIR", "Exit codes");
    }

    @Test
    void badInputExitsTwo() {
        assertThat(run("--template-file", template.toString(), "--cases", dir.resolve("none.json").toString(),
                "--version", "1.0", "--deployment", "copy").exit()).isEqualTo(2);
        assertThat(run("--template-file", template.toString(), "--cases", cases.toString(), "--version", "1.0")
                .exit()).isEqualTo(2);
    }

    @Test
    void waitingWithoutMetricsIsRefusedAsBadInput() {
        first();

        Result r = run(second());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--simulate").contains("--no-wait");
    }

    private static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script", "<link", "src=\"http", "url(http",
                "<img");
    }

    private static Document junit(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> names(NodeList tests) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tests.getLength(); i++) {
            out.add(((Element) tests.item(i)).getAttribute("name"));
        }
        return out;
    }

    private static List<String> failedNames(Document xml) {
        NodeList tests = xml.getElementsByTagName("testcase");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tests.getLength(); i++) {
            Element t = (Element) tests.item(i);
            if (t.getElementsByTagName("failure").getLength() > 0) {
                out.add(t.getAttribute("name"));
            }
        }
        return out;
    }
}
