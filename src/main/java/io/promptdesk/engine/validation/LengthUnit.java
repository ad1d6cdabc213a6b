package io.promptdesk.engine.validation;

/** What {@code min_length} and {@code max_length} count. */
public enum LengthUnit {
    CHARACTERS,
    /** Tokens of a real tokenizer, see {@link TokenCounter}. */
    TOKENS
}
