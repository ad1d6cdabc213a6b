package io.promptdesk.engine.validation;

/**
 * Scans one text for a kind of unwanted content. Implementations are immutable, thread-safe and fast:
 * they run on every value and every rendered output of every test case.
 */
public interface TextDetector {
    Detection scan(String text);
}
