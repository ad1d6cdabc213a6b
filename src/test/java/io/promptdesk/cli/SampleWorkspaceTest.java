package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled sample workspace shows every rule passing and exactly one deliberate failure, as the README says:
 * article-writer and release-notes pass, support-reply's last case is a prompt injection.
 */
class SampleWorkspaceTest {
    private static final Path SAMPLES = Path.of("resources", "sample-workspace");

    private static JsonNode test(String name, int expectedExit) throws Exception {
        CliTest.Result r = CliTest.run("test", "--template-file", SAMPLES.resolve(name + ".prompt").toString(),
                "--cases", SAMPLES.resolve(name + ".cases.json").toString(), "--json");
        assertThat(r.exit()).as(name + ": " + r.err()).isEqualTo(expectedExit);
        return Json.mapper().readTree(r.out());
    }

    @Test
    void twoTemplatesPassEveryRuleAndOneFailsOnPurposeInOneCase() throws Exception {
        for (String name : new String[]{"article-writer", "release-notes"}) {
            JsonNode report = test(name, PromptDeskCommand.EXIT_OK);
            assertThat(report.get("failed_tests").asInt()).as(name).isZero();
            report.get("validation_results").fields().forEachRemaining(rule ->
                    assertThat(rule.getValue().get("passed").asBoolean()).as(name + " " + rule.getKey()).isTrue());
        }
        JsonNode support = test("support-reply", PromptDeskCommand.EXIT_GATE_FAILED);
        assertThat(support.get("failed_tests").asInt()).isEqualTo(1);
        JsonNode rules = support.get("validation_results");
        rules.fields().forEachRemaining(rule -> assertThat(rule.getValue().get("passed").asBoolean())
                .as(rule.getKey()).isEqualTo(!rule.getKey().equals("prompt_injection")));
    }

    @Test
    void theReadmesTestExamplePasses() {
        CliTest.Result r = CliTest.run("test", "--template-file", SAMPLES.resolve("article-writer.prompt").toString(),
                "--cases", SAMPLES.resolve("article-writer.cases.json").toString(), "--rules", "all", "--timeout", "30",
                "--threshold", "average_test_time=0.5", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
    }
}
