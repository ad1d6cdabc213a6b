package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void validateValidTemplatePrintsTheSpecsJson() throws Exception {
        Result r = run("validate", "--template", "Hi {name}, about {topic}", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("is_valid").asBoolean()).isTrue();
        assertThat(json.get("variables").toString()).isEqualTo("[\"name\",\"topic\"]");
        assertThat(json.get("errors").size()).isZero();
    }

    @Test
    void validateInvalidTemplateExitsOneWithPositions() throws Exception {
        Path t = write("bad.prompt", "line one\nHi {name");
        Result r = run("validate", "--template-file", t.toString(), "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode err = Json.mapper().readTree(r.out()).get("errors").get(0);
        assertThat(err.get("line").asInt()).isEqualTo(2);
        assertThat(err.get("column").asInt()).isEqualTo(4);
        Result text = run("validate", "--template-file", t.toString());
        assertThat(text.out()).contains(t + ":2:4:");
    }

    @Test
    void anEmptyOrBlankTemplateIsInvalid() throws Exception {
        Path empty = write("empty.prompt", "");
        Result r = run("validate", "--template-file", empty.toString());
        assertThat(r.exit()).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        assertThat(r.out()).startsWith("INVALID").contains(empty + ":1:1: the template is empty");
        Result blank = run("validate", "--template", "  \n\t ", "--json");
        assertThat(blank.exit()).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        assertThat(blank.out()).contains("\"is_valid\" : false").contains("only whitespace");
    }

    @Test
    void benchmarkPrintsTheSpecsReportAndRefusesBadInput() throws Exception {
        Path t = write("b.prompt", "Write a friendly hook about {topic} for our readers, in one sentence.");
        Path cases = write("b.cases.json", "[{\"topic\": \"tea\"}, {\"topic\": \"coffee\"}]");
        Result r = run("benchmark", "--template-file", t.toString(), "--cases", cases.toString(), "--iterations",
                "20", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = io.promptdesk.json.Json.mapper().readTree(r.out());
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("iterations", "total_time", "throughput", "mean", "median", "p95", "p99",
                "cases");
        assertThat(json.get("iterations").asInt()).isEqualTo(20);
        assertThat(json.get("cases")).hasSize(2);
        assertThat(json.get("cases").get(1).get("case_index").asInt()).isEqualTo(1);
        Result text = run("benchmark", "--template-file", t.toString(), "--cases", cases.toString(), "--iterations",
                "5");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("b: 2 case(s) x 5 iterations in");
        assertThat(run("benchmark", "--template-file", t.toString(), "--cases", cases.toString(), "--iterations",
                "0").exit()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        Path bad = write("bad.prompt", "Hi {topic");
        Result invalid = run("benchmark", "--template-file", bad.toString(), "--cases", cases.toString());
        assertThat(invalid.exit()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
        assertThat(invalid.err()).contains("syntax errors");
        Path none = write("none.json", "[]");
        assertThat(run("benchmark", "--template-file", t.toString(), "--cases", none.toString()).exit())
                .isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
    }

    @Test
    void validateNeedsExactlyOneTemplateSource() {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", "--template", "a", "--template-file", "b").exit()).isEqualTo(2);
    }

    @Test
    void testPassesAndPrintsOnlyJson() throws Exception {
        Path cases = write("c.json", "[{\"tone\":\"calm\",\"topic\":\"tea brewing\"}]");
        Result r = run("test", "--template", "Write a {tone} note about {topic}.", "--cases", cases.toString(),
                "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("test_case_results").get(0).get("output").asText())
                .isEqualTo("Write a calm note about tea brewing.");
    }

    @Test
    void testFailsWithExitOneAndWritesJUnitXml() throws Exception {
        Path cases = write("c.csv", "tone,topic\ncalm,tea\nloud\n");
        Path xml = dir.resolve("junit.xml");
        Result r = run("test", "--template", "Write a {tone} note about {topic}.", "--cases", cases.toString(),
                "--rules", "template_variables,min_length", "--junit-xml", xml.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAILED").contains("case 1").contains("topic");
        String junit = Files.readString(xml);
        assertThat(junit).contains("<testsuite").contains("tests=\"4\"").contains("failures=\"2\"")
                .contains("name=\"case 1\"").contains("<failure");
    }

    @Test
    void badCaseFileExitsTwoNamingFileAndLine() throws Exception {
        Path cases = write("c.json", "[\n{\"a\":1},\n{oops}\n]");
        Result r = run("test", "--template", "{a}", "--cases", cases.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("c.json:3:2: ");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownRuleAndBadThresholdExitTwo() throws Exception {
        Path cases = write("c.json", "[{\"a\":\"hello there\"}]");
        Result rule = run("test", "--template", "{a}", "--cases", cases.toString(), "--rules", "spelling");
        assertThat(rule.exit()).isEqualTo(2);
        assertThat(rule.err()).contains("unknown validation rule 'spelling'");
        Result th = run("test", "--template", "{a}", "--cases", cases.toString(), "--threshold", "speed=1");
        assertThat(th.exit()).isEqualTo(2);
        assertThat(th.err()).contains("speed");
    }

    @Test
    void thresholdGateAndLengthOptionsApply() throws Exception {
        Path cases = write("c.json", "[{\"a\":\"hello there\"}]");
        Result r = run("test", "--template", "{a}", "--cases", cases.toString(), "--threshold",
                "total_execution_time=0", "--json");
        assertThat(r.exit()).isEqualTo(1);
        Result len = run("test", "--template", "{a}", "--cases", cases.toString(), "--min-length", "1", "--max-length", "5");
        assertThat(len.exit()).isEqualTo(1);
        assertThat(len.out()).contains("above the maximum of 5");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(run("--version").exit()).isZero();
        Result help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("validate").contains("test");
    }

    @Test
    void helpWorksOnCommandsWhoseVersionOptionIsAModelVersion() {
        for (String[] cmd : new String[][]{{"rollout", "start"}, {"registry", "register"}, {"registry", "show"},
                {"registry", "alias", "set"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Result r = run(args);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).contains("--version=V");
        }
    }
}
