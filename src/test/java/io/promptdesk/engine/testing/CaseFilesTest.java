package io.promptdesk.engine.testing;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsEveryFormatToTheSameCases() throws Exception {
        List<Map<String, Object>> expected = List.of(Map.of("a", "x", "b", "1"), Map.of("a", "y", "b", "2"));
        assertThat(CaseFiles.read(file("c.json", "[{\"a\":\"x\",\"b\":\"1\"},{\"a\":\"y\",\"b\":\"2\"}]")))
                .isEqualTo(expected);
        assertThat(CaseFiles.read(file("c.jsonl", "{\"a\":\"x\",\"b\":\"1\"}\n\n{\"a\":\"y\",\"b\":\"2\"}\n")))
                .isEqualTo(expected);
        assertThat(CaseFiles.read(file("c.yaml", "- a: x\n  b: \"1\"\n- a: y\n  b: \"2\"\n"))).isEqualTo(expected);
        assertThat(CaseFiles.read(file("c.csv", "a,b\nx,1\ny,2\n"))).isEqualTo(expected);
    }

    @Test
    void keepsJsonTypes() throws Exception {
        var cases = CaseFiles.read(file("t.json", "[{\"n\": 3, \"f\": true}]"));
        assertThat(cases.get(0).get("n")).isEqualTo(3);
        assertThat(cases.get(0).get("f")).isEqualTo(true);
    }

    @Test
    void wrongElementTypeNamesFileLineAndCase() throws Exception {
        Path p = file("bad.json", "[\n {\"a\": 1},\n 42\n]");
        assertThatThrownBy(() -> CaseFiles.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("bad.json:3:")
                .hasMessageContaining("test case 1 is a number");
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        Path p = file("broken.json", "[\n {\"a\": 1},\n {\"a\": }\n]");
        assertThatThrownBy(() -> CaseFiles.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("broken.json:3:8: ");
    }

    @Test
    void singleObjectIsExplained() throws Exception {
        assertThatThrownBy(() -> CaseFiles.read(file("one.json", "{\"a\": 1}")))
                .hasMessageContaining("expected a list of objects");
    }

    @Test
    void badJsonlLineIsNamed() throws Exception {
        assertThatThrownBy(() -> CaseFiles.read(file("c.jsonl", "{\"a\":1}\n[1]\n")))
                .hasMessageContaining("c.jsonl:2: ").hasMessageContaining("a list");
    }

    @Test
    void csvWithTooManyColumnsIsNamed() throws Exception {
        assertThatThrownBy(() -> CaseFiles.read(file("c.csv", "a,b\nx,1\ny,2,3\n")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("c.csv:3:");
    }

    @Test
    void csvWithDuplicateHeaderIsNamed() throws Exception {
        assertThatThrownBy(() -> CaseFiles.read(file("d.csv", "a,a\nx,1\n")))
                .hasMessageContaining("'a' appears twice");
    }

    @Test
    void invalidUtf8NamesTheLineAndByte() throws Exception {
        Path p = dir.resolve("latin1.json");
        Files.write(p, new byte[]{'[', '\n', '{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', ']'});
        assertThatThrownBy(() -> CaseFiles.read(p)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(":2: ").hasMessageContaining("invalid UTF-8 at byte 8");
    }

    @Test
    void emptyAndMissingFilesAreClearErrors() throws Exception {
        assertThatThrownBy(() -> CaseFiles.read(file("e.json", "[]"))).hasMessageContaining("no test cases");
        assertThatThrownBy(() -> CaseFiles.read(dir.resolve("nope.json"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> CaseFiles.read(file("c.txt", "x"))).hasMessageContaining("unknown case file type");
    }

    @Test
    void writesJsonAndCsvThatReadBack() {
        List<Map<String, Object>> cases = List.of(Map.of("topic", "a, \"quoted\"", "tone", "x"));
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        CaseFiles.write(json, cases, List.of("topic", "tone"));
        CaseFiles.write(csv, cases, List.of("topic", "tone"));
        assertThat(CaseFiles.read(json)).isEqualTo(cases);
        assertThat(CaseFiles.read(csv)).isEqualTo(cases);
    }
}
