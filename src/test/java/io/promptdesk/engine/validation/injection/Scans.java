package io.promptdesk.engine.validation.injection;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared detector and assertions for the prompt-injection tests. */
final class Scans {

    /** The detector is immutable; one instance serves every test. */
    static final PromptInjectionDetector DETECTOR = new PromptInjectionDetector();

    private Scans() {
    }

    static Detection scan(String text) {
        return DETECTOR.scan(text);
    }

    static List<String> names(Detection d) {
        return d.signals().stream().map(Signal::name).toList();
    }

    /** Flagged, with {@code signal} among the reasons. */
    static Detection assertFlagged(String text, String signal) {
        Detection d = scan(text);
        assertThat(d.flagged()).as("flagged: %s -> %s (%.2f)", text, d.explain(), d.score()).isTrue();
        assertThat(names(d)).as("signals of: %s", text).contains(signal);
        return d;
    }

    /** Not flagged, whatever weak signals it may carry. */
    static Detection assertNotFlagged(String text) {
        Detection d = scan(text);
        assertThat(d.flagged()).as("not flagged: %s -> %s (%.2f)", text, d.explain(), d.score()).isFalse();
        return d;
    }

    /** The signal is present but the text alone does not reach the threshold. */
    static Detection assertWeak(String text, String signal) {
        Detection d = assertNotFlagged(text);
        assertThat(names(d)).as("signals of: %s", text).contains(signal);
        return d;
    }
}
