package io.promptdesk.ui.author;

import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.TemplateDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    @Test
    void pythonFormatMarksPlaceholdersEscapesAndErrorsInOrder() {
        String src = "{{json}} for {topic} and {0}";
        List<Highlight> hs = Highlights.of(TemplateParser.parse(src, TemplateDialect.PYTHON_FORMAT));

        assertThat(hs).extracting(Highlight::kind).containsExactly(Highlight.Kind.ESCAPE, Highlight.Kind.ESCAPE,
                Highlight.Kind.PLACEHOLDER, Highlight.Kind.ERROR);
        assertThat(hs.get(2)).isEqualTo(new Highlight(13, 20, Highlight.Kind.PLACEHOLDER, null));
        assertThat(src.substring(hs.get(3).start(), hs.get(3).end())).isEqualTo("{0}");
        assertThat(Highlights.errorAt(hs, 25)).contains("positional");
        assertThat(Highlights.errorAt(hs, 14)).isNull();
    }

    @Test
    void doubleBracePlaceholdersSpanTheirBracesAndSpaces() {
        String src = "Hi {{ name }}, {{ unclosed";
        List<Highlight> hs = Highlights.of(TemplateParser.parse(src, TemplateDialect.DOUBLE_BRACE));

        assertThat(hs).containsExactly(new Highlight(3, 13, Highlight.Kind.PLACEHOLDER, null),
                new Highlight(15, 17, Highlight.Kind.ERROR, hs.get(1).message()));
    }

    @Test
    void anErrorAtTheEndOfTheTextStaysInsideIt() {
        String src = "Close me {";
        List<Highlight> hs = Highlights.of(TemplateParser.parse(src, TemplateDialect.PYTHON_FORMAT));

        assertThat(hs).singleElement().satisfies(h -> {
            assertThat(h.start()).isEqualTo(9);
            assertThat(h.end()).isEqualTo(10);
        });
    }

    @Test
    void plainTextHasNoHighlights() {
        assertThat(Highlights.of(TemplateParser.parse("", TemplateDialect.PYTHON_FORMAT))).isEmpty();
        assertThat(Highlights.of(TemplateParser.parse("no fields here", TemplateDialect.DOUBLE_BRACE))).isEmpty();
    }
}
