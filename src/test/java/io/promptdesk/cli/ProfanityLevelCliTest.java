package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --profanity-level standard|strict} on validate, test and pipeline. */
class ProfanityLevelCliTest {

    @TempDir
    Path dir;

    @Test
    void validateChecksTheTemplateTextAtTheChosenLevel() throws Exception {
        String template = "Well damn, {name}: here is your report.";

        assertThat(CliTest.run("validate", "--template", template).exit()).isZero();
        assertThat(CliTest.run("validate", "--template", template, "--profanity-level", "standard").exit()).isZero();
        CliTest.Result strict = CliTest.run("validate", "--template", template, "--profanity-level", "strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).startsWith("INVALID").contains(":1:6: profanity (strict): damn");

        CliTest.Result json = CliTest.run("validate", "--template", template, "--profanity-level", "STRICT", "--json");
        JsonNode result = Json.mapper().readTree(json.out());
        assertThat(result.get("is_valid").asBoolean()).isFalse();
        assertThat(result.get("profanity_level").asText()).isEqualTo("strict");
        assertThat(result.get("profanity").get(0).get("evidence").asText()).isEqualTo("damn");
        assertThat(result.get("profanity").get(0).get("column").asInt()).isEqualTo(6);
    }

    @Test
    void validateWithoutTheOptionKeepsTheSpecsJson() throws Exception {
        JsonNode result = Json.mapper().readTree(CliTest.run("validate", "--template", "Hi {name}", "--json").out());
        assertThat(result.has("profanity")).isFalse();
    }

    @Test
    void testRunsTheRuleAtTheChosenLevel() throws Exception {
        Path cases = dir.resolve("c.json");
        Files.writeString(cases, "[{\"topic\":\"crap weather\"}]");
        String template = "Write a short note about {topic}.";

        assertThat(CliTest.run("test", "--template", template, "--cases", cases.toString(), "--rules",
                "no_profanity").exit()).isZero();
        CliTest.Result strict = CliTest.run("test", "--template", template, "--cases", cases.toString(), "--rules",
                "no_profanity", "--profanity-level", "strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("crap");
    }

    @Test
    void aBadLevelExitsTwoNamingTheOptionAndTheValues() {
        for (String command : new String[] {"validate", "test", "pipeline"}) {
            CliTest.Result r = CliTest.run(command, "--template-file", "t.prompt", "--cases", "c.json", "--version",
                    "v1", "--deployment", "d", "--profanity-level", "loud");
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).contains("--profanity-level").contains("standard, strict")
                    .contains("loud");
        }
    }

    @Test
    void helpNamesTheOptionOnEachCommand() {
        for (String command : new String[] {"validate", "test", "pipeline"}) {
            assertThat(CliTest.run(command, "--help").out()).as(command).contains("--profanity-level");
        }
    }
}
