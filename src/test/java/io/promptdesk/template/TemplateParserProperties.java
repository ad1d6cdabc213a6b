package io.promptdesk.template;

import io.promptdesk.model.TemplateDialect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateParserProperties {

    @Provide
    Arbitrary<String> templates() {
        // Brace-heavy text over a small alphabet finds the parser's corners fast.
        return Arbitraries.strings().withChars("{}ab_0 .[]!:\n|é").ofMaxLength(60)
                .injectDuplicates(0.1)
                .edgeCases(e -> e.add("{").add("}").add("{{").add("}}").add("{{}}"));
    }

    @Property(tries = 3000)
    void parserReturnsPositionedDiagnosticsAndNeverThrows(@ForAll("templates") String text) {
        for (TemplateDialect d : TemplateDialect.values()) {
            ParsedTemplate t = TemplateParser.parse(text, d);
            for (Diagnostic diag : t.diagnostics()) {
                assertThat(diag.offset()).isBetween(0, Math.max(0, text.length() - 1));
                assertThat(diag.offset() + diag.length()).isLessThanOrEqualTo(text.length());
                assertThat(diag.line()).isPositive();
                assertThat(diag.column()).isPositive();
                assertThat(diag.message()).isNotBlank();
            }
        }
    }

    @Property(tries = 1000)
    void anyStringParsesWithoutThrowing(@ForAll String text) {
        TemplateParser.parse(text);
        TemplateParser.detectDialect(text);
    }

    @Property(tries = 2000)
    void validTemplatesRenderWithEveryVariableSupplied(@ForAll("templates") String text) {
        ParsedTemplate t = TemplateParser.parse(text);
        if (t.isValid()) {
            Map<String, Object> values = new HashMap<>();
            t.variables().forEach(v -> values.put(v, "<" + v + ">"));
            String out = t.render(values);
            t.variables().forEach(v -> assertThat(out).contains("<" + v + ">"));
        }
    }
}
