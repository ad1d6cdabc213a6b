package io.promptdesk.engine.validation.injection;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the signals of one scan and scores them: per signal, the strongest occurrence counts in full and
 * further ones a quarter, up to the signal's cap; the score is the sum over signals. Keeps at most
 * {@link #MAX_SIGNALS} signals for display, however long the text.
 */
final class Evidence {

    static final double THRESHOLD = 1.0;
    static final int MAX_SIGNALS = 32;
    /** Display length of a span of the text. */
    private static final int MAX_SPAN = 60;
    /** Display length of an explanation (a decoded payload, say). */
    private static final int MAX_NOTE = 120;

    private final String text;
    private final double[] max = new double[InjectionSignal.values().length];
    private final double[] sum = new double[InjectionSignal.values().length];
    private final List<Signal> signals = new ArrayList<>();

    Evidence(String text) {
        this.text = text;
    }

    /** Adds a signal whose evidence is the original text of the span. */
    void add(InjectionSignal s, int start, int end, double weight) {
        add(s, start, end, weight, null);
    }

    /** Adds a signal with its own evidence text (e.g. a decoded payload), or the span's text when null. */
    void add(InjectionSignal s, int start, int end, double weight, String evidence) {
        if (!(weight > 0)) {
            // A rule that weighs its find at nothing (a discount that reached zero) found no evidence.
            return;
        }
        if (start >= 0 && end <= text.length()) {
            // an attack talked about or told to be refused, not given
            if (QuotedMention.mentioned(text, start, end)) {
                weight *= QuotedMention.DISCOUNT;
            } else if (RefusedRequest.refused(text, start, end)) {
                weight *= RefusedRequest.DISCOUNT;
            }
        }
        int o = s.ordinal();
        max[o] = Math.max(max[o], weight);
        sum[o] += weight;
        if (signals.size() < MAX_SIGNALS) {
            int from = Math.max(0, Math.min(start, text.length()));
            int to = Math.max(from, Math.min(end, text.length()));
            String shown = evidence != null ? shorten(evidence, MAX_NOTE)
                    : shorten(text.substring(from, Math.min(to, from + 4 * MAX_SPAN)), MAX_SPAN);
            signals.add(new Signal(s.id(), from, to - from, shown, weight));
        }
    }

    /** Whether another signal would still be listed: costly evidence text is not worth building otherwise. */
    boolean wantsDetail() {
        return signals.size() < MAX_SIGNALS;
    }

    boolean has(InjectionSignal s) {
        return sum[s.ordinal()] > 0;
    }

    /** The signals found so far (bounded), in the order found. */
    List<Signal> signals() {
        return signals;
    }

    double score() {
        double total = 0;
        for (InjectionSignal s : InjectionSignal.values()) {
            int o = s.ordinal();
            total += Math.min(s.cap(), max[o] + 0.25 * (sum[o] - max[o]));
        }
        return total;
    }

    Detection toDetection() {
        if (signals.isEmpty()) {
            return Detection.CLEAN;
        }
        double score = Math.round(score() * 100) / 100.0;
        List<Signal> sorted = new ArrayList<>(signals);
        sorted.sort(Comparator.comparingInt(Signal::offset));
        return new Detection(score >= THRESHOLD, score, sorted);
    }

    /** Collapses whitespace, drops invisible characters, keeps whole code points, and cuts at a display length. */
    private static String shorten(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 2 * max + 3));
        boolean space = false;
        int shown = 0;
        for (int i = 0; i < s.length() && shown < max; ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = b.length() > 0;
                continue;
            }
            if (Character.getType(c) == Character.FORMAT || TextFolder.isVariationSelector(c)) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(c);
            shown++;
        }
        if (shown >= max) {
            b.append("...");
        }
        return b.toString();
    }
}
