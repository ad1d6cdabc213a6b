package io.promptdesk.template;

import io.promptdesk.model.PromptValidationException;
import io.promptdesk.model.TemplateDialect;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateParserTest {

    private static Diagnostic only(String template) {
        ParsedTemplate t = TemplateParser.parse(template, TemplateDialect.PYTHON_FORMAT);
        assertThat(t.diagnostics()).hasSize(1);
        return t.diagnostics().get(0);
    }

    @Test
    void findsVariablesInOrderOfFirstAppearance() {
        ParsedTemplate t = TemplateParser.parse("Write a {tone} article about {topic} for {audience}, {tone}!");
        assertThat(t.isValid()).isTrue();
        assertThat(t.variables()).containsExactly("tone", "topic", "audience");
        assertThat(t.placeholderCount()).isEqualTo(4);
    }

    @Test
    void doubledBracesAreLiteralInPythonFormat() {
        ParsedTemplate t = TemplateParser.parse("JSON: {{\"k\": {value}}}", TemplateDialect.PYTHON_FORMAT);
        assertThat(t.isValid()).isTrue();
        assertThat(t.render(Map.of("value", 1))).isEqualTo("JSON: {\"k\": 1}");
    }

    @Test
    void unclosedBraceIsReportedAtItsPosition() {
        Diagnostic d = only("Hello\nWorld {name and more");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.offset()).isEqualTo(12);
        assertThat(d.length()).isEqualTo(1);
        assertThat(d.message()).contains("never closed").contains("{{");
    }

    @Test
    void strayClosingBraceIsReported() {
        Diagnostic d = only("a } b");
        assertThat(d.offset()).isEqualTo(2);
        assertThat(d.message()).contains("}}");
    }

    @Test
    void emptyPositionalAttributeIndexConversionAndFormatSpecAreErrors() {
        assertThat(only("x {} y").message()).contains("empty placeholder");
        assertThat(only("x {0} y").message()).contains("positional");
        Diagnostic attr = only("x {user.__class__} y");
        assertThat(attr.message()).contains("attribute access");
        assertThat(attr.offset()).isEqualTo(2);
        assertThat(attr.length()).isEqualTo("{user.__class__}".length());
        assertThat(only("{a[0]}").message()).contains("index access");
        assertThat(only("{name!r}").message()).contains("conversion '!r'");
        assertThat(only("{price:>10}").message()).contains("format spec ':>10'");
        assertThat(only("{my-var}").message()).contains("invalid placeholder name");
        assertThat(only("{ name }").message()).contains("spaces");
    }

    @Test
    void reportsEveryErrorAndKeepsParsing() {
        ParsedTemplate t = TemplateParser.parse("{ok} {} {0} } {fine}", TemplateDialect.PYTHON_FORMAT);
        assertThat(t.diagnostics()).hasSize(3);
        assertThat(t.variables()).containsExactly("ok", "fine");
    }

    @Test
    void detectsDoubleBraceDialect() {
        assertThat(TemplateParser.detectDialect("Hello {{ name }}, about {{topic}}"))
                .isEqualTo(TemplateDialect.DOUBLE_BRACE);
        assertThat(TemplateParser.detectDialect("Hello {name}")).isEqualTo(TemplateDialect.PYTHON_FORMAT);
        assertThat(TemplateParser.detectDialect("{{literal}} and {name}")).isEqualTo(TemplateDialect.PYTHON_FORMAT);
    }

    @Test
    void doubleBraceKeepsSingleBracesLiteral() {
        ParsedTemplate t = TemplateParser.parse("Return {\"answer\": ...} for {{ question }}");
        assertThat(t.dialect()).isEqualTo(TemplateDialect.DOUBLE_BRACE);
        assertThat(t.render(Map.of("question", "why?"))).isEqualTo("Return {\"answer\": ...} for why?");
    }

    @Test
    void doubleBraceErrorsArePositioned() {
        ParsedTemplate t = TemplateParser.parse("a {{ }} b {{ x.y }} c {{ open", TemplateDialect.DOUBLE_BRACE);
        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(2, 10, 22);
        assertThat(t.diagnostics().get(2).message()).contains("never closed");
    }

    @Test
    void renderingFailsNamingTheMissingVariable() {
        ParsedTemplate t = TemplateParser.parse("{a} and {b}");
        assertThatThrownBy(() -> t.render(Map.of("a", "1")))
                .isInstanceOf(PromptValidationException.class).hasMessageContaining("'b'");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", "1");
        withNull.put("b", null);
        assertThatThrownBy(() -> t.render(withNull)).hasMessageContaining("null");
    }

    @Test
    void valuesAreInsertedVerbatimNeverEvaluated() {
        ParsedTemplate t = TemplateParser.parse("Say {x}");
        assertThat(t.render(Map.of("x", "{y} ${7*7} {{z}} {__import__('os')}")))
                .isEqualTo("Say {y} ${7*7} {{z}} {__import__('os')}");
    }

    @Test
    void lineIndexMapsOffsets() {
        LineIndex idx = new LineIndex("ab\ncd\n\nef");
        assertThat(idx.line(0)).isEqualTo(1);
        assertThat(idx.line(3)).isEqualTo(2);
        assertThat(idx.column(4)).isEqualTo(2);
        assertThat(idx.line(6)).isEqualTo(3);
        assertThat(idx.line(7)).isEqualTo(4);
    }
}
