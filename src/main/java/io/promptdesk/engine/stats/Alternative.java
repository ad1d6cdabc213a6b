package io.promptdesk.engine.stats;

/** SciPy's {@code alternative}: the side of the null hypothesis a p-value is computed for. */
enum Alternative {
    TWO_SIDED, GREATER, LESS
}
