package io.promptdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.TemplateDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceLocatorTest {

    @TempDir
    Path home;

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        WorkspaceLocator locator = locator(Map.of(WorkspaceLocator.PROPERTY, "/srv/prompts", "os.name", "Linux"),
                Map.of(WorkspaceLocator.ENV, "/env/prompts"));
        assertThat(locator.locate()).isEqualTo(Path.of("/srv/prompts"));
    }

    @Test
    void theEnvironmentIsUsedWhenNoPropertyIsSet() {
        WorkspaceLocator locator = locator(Map.of("os.name", "Linux"), Map.of(WorkspaceLocator.ENV, "/env/prompts"));
        assertThat(locator.locate()).isEqualTo(Path.of("/env/prompts"));
    }

    @Test
    void eachPlatformHasItsUserDataFolder() {
        assertThat(locator(Map.of("os.name", "Linux"), Map.of()).locate())
                .isEqualTo(home.resolve(".local/share/promptdesk"));
        assertThat(locator(Map.of("os.name", "Linux"), Map.of("XDG_DATA_HOME", "/data")).locate())
                .isEqualTo(Path.of("/data/promptdesk"));
        assertThat(locator(Map.of("os.name", "Mac OS X"), Map.of()).locate())
                .isEqualTo(home.resolve("Library/Application Support/PromptDesk"));
        assertThat(locator(Map.of("os.name", "Windows 11"), Map.of("APPDATA", home.resolve("Roaming").toString()))
                .locate()).isEqualTo(home.resolve("Roaming").resolve("PromptDesk"));
    }

    @Test
    void theFirstStartCopiesTheSampleWorkspaceAndLaterStartsKeepEdits() throws IOException {
        Path ws = home.resolve("ws");
        WorkspaceLocator locator = locator(Map.of(WorkspaceLocator.PROPERTY, ws.toString()), Map.of());

        assertThat(locator.prepare()).isEqualTo(ws);
        try (Stream<Path> files = Files.list(ws)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("workspace.yaml",
                    "article-writer.prompt", "article-writer.cases.json", "support-reply.prompt",
                    "support-reply.cases.json", "release-notes.prompt", "release-notes.cases.json",
                    "latency-baseline.csv", "latency-current.csv");
        }

        Files.writeString(ws.resolve("article-writer.prompt"), "edited {topic}");
        locator.prepare();
        assertThat(Files.readString(ws.resolve("article-writer.prompt"))).isEqualTo("edited {topic}");
    }

    @Test
    void theSampleTemplatesParseAndTheirCasesSupplyEveryVariable() throws IOException {
        Path ws = locator(Map.of(WorkspaceLocator.PROPERTY, home.resolve("ws").toString()), Map.of()).prepare();
        int doubleBrace = 0;
        for (String name : new String[]{"article-writer", "support-reply", "release-notes"}) {
            var parsed = TemplateParser.parse(Files.readString(ws.resolve(name + ".prompt")));
            assertThat(parsed.diagnostics()).as(name).isEmpty();
            JsonNode cases = JsonMapper.builder().build().readTree(ws.resolve(name + ".cases.json").toFile());
            assertThat(cases.size()).as(name).isBetween(6, 20);
            for (JsonNode c : cases) {
                for (String v : parsed.variables()) {
                    assertThat(c.has(v)).as(name + " case lacks " + v).isTrue();
                }
            }
            doubleBrace += parsed.dialect() == TemplateDialect.DOUBLE_BRACE ? 1 : 0;
        }
        assertThat(doubleBrace).isEqualTo(1);
    }

    private WorkspaceLocator locator(Map<String, String> props, Map<String, String> env) {
        Map<String, String> p = new HashMap<>(props);
        p.putIfAbsent("user.home", home.toString());
        p.putIfAbsent("os.name", "Linux");
        return new WorkspaceLocator(p::get, env::get);
    }
}
