package io.promptdesk.model;

/** The placeholder syntax a template is written in. */
public enum TemplateDialect {
    /** Python {@code str.format}: {@code {name}}, with {@code {{} and {@code }}} as literal braces. */
    PYTHON_FORMAT("{name}"),
    /** MLflow / Langfuse prompt style: {@code {{ name }}}. */
    DOUBLE_BRACE("{{ name }}");

    private final String example;

    TemplateDialect(String example) {
        this.example = example;
    }

    /** A placeholder written in this dialect, for labels and messages. */
    public String example() {
        return example;
    }
}
