package io.promptdesk.engine.validation.injection;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared detector and assertions for the prompt-injection tests. */
final class Scans {

    /** The detector is immutable; one instance serves every test. */
    static final PromptInjectionDetector DETECTOR = new PromptInjectionDetector();
    /** The named signals alone. */
    static final PromptInjectionDetector RULES = PromptInjectionDetector.rulesOnly();

    /**
     * Everyday texts of these tests that the learned classifier flags (its calibrated probability passes the
     * threshold) although no named signal does: known false positives of the shipped model, listed in
     * docs/injection-model.md. For these, {@link #assertNotFlagged} holds the named signals to it and checks that the
     * classifier still flags them, so the list shrinks as the model improves and cannot grow unseen.
     */
    static final Set<String> LEARNED_FALSE_POSITIVES = Set.of(
            "Never share your password with anyone, not even support staff.",
            "Write a limerick about passwords.",
            // a user's own wishes for the reply: BIPIA plants the same words in e-mails, labelled attacks
            "Write a cover letter for a Java developer job at a bank. Start your reply with \"Dear hiring manager\" and"
                + " include a link to github.com/jdoe in your answer.",
            "Can you explain recursion with a small example? Please encode your answer in Base64, I am practising"
                + " decoding.");

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

    /** Not flagged, whatever weak signals it may carry (see {@link #LEARNED_FALSE_POSITIVES}). */
    static Detection assertNotFlagged(String text) {
        if (LEARNED_FALSE_POSITIVES.contains(text)) {
            assertThat(InjectionClassifier.shipped().judge(text).flagged()).as("still a learned false positive: %s", text)
                    .isTrue();
            Detection d = RULES.scan(text);
            assertThat(d.flagged()).as("not flagged by the named signals: %s -> %s (%.2f)", text, d.explain(), d.score())
                    .isFalse();
            return d;
        }
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
