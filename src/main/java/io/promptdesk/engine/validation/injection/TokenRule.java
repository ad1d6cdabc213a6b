package io.promptdesk.engine.validation.injection;

/** A family of signals found by combining word classes over a {@link TokenTable}. Stateless. */
interface TokenRule {
    void apply(TokenTable tokens, Evidence out);
}
