package io.promptdesk.engine.validation.injection.training;

/** One labelled text. {@code part}: train or test. */
record Row(String source, String text, boolean injection, String group, String part, boolean trainable,
           boolean relabelled, String attack, String kind) {

    /** Where the row is reported: its source, or a named part of it (the English system prompts). */
    String reported() {
        return kind == null ? source : source + " (" + kind + ")";
    }
}
