package io.promptdesk.connections;

import io.promptdesk.remote.Redactor;

/**
 * The outcome of testing one connection: whether the engine answered, how fast, its version, and otherwise why not.
 *
 * @param latencyMillis how long the test took, retries included
 * @param version the engine's version, or "unknown"; null when it did not answer
 * @param problem why it did not answer; null when it did
 */
public record Probe(String engine, String url, boolean ok, long latencyMillis, String version, String problem) {
    /** A URL's userinfo and anything that looks like it never reaches a report. */
    public Probe {
        url = Redactor.none().redact(url);
        problem = Redactor.none().redact(problem);
    }
}
