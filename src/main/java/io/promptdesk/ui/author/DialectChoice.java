package io.promptdesk.ui.author;

import io.promptdesk.model.TemplateDialect;

/** The dialect the person picked for the editor: detected from the text, or forced. */
public enum DialectChoice {
    AUTO(null, "Auto"),
    PYTHON_FORMAT(TemplateDialect.PYTHON_FORMAT, "{name}"),
    DOUBLE_BRACE(TemplateDialect.DOUBLE_BRACE, "{{ name }}");

    private final TemplateDialect dialect;
    private final String label;

    DialectChoice(TemplateDialect dialect, String label) {
        this.dialect = dialect;
        this.label = label;
    }

    /** The forced dialect, or null for auto-detection. */
    public TemplateDialect dialect() {
        return dialect;
    }

    @Override
    public String toString() {
        return label;
    }
}
