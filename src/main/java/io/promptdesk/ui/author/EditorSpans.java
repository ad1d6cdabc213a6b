package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;

/** Turns highlights into RichTextFX style spans covering the whole text. */
final class EditorSpans {

    private EditorSpans() {
    }

    static StyleSpans<Collection<String>> of(List<Highlight> highlights, int length) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int cursor = 0;
        for (Highlight h : highlights) {
            if (h.start() < cursor || h.end() > length) {
                continue;
            }
            if (h.start() > cursor) {
                b.add(List.of(), h.start() - cursor);
            }
            b.add(List.of(styleClass(h.kind())), h.end() - h.start());
            cursor = h.end();
        }
        b.add(List.of(), length - cursor);
        return b.create();
    }

    static String styleClass(Highlight.Kind kind) {
        return switch (kind) {
            case PLACEHOLDER -> StyleClasses.PLACEHOLDER;
            case ESCAPE -> StyleClasses.ESCAPE;
            case ERROR -> StyleClasses.SYNTAX_ERROR;
        };
    }
}
