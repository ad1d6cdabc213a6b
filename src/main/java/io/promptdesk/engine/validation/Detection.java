package io.promptdesk.engine.validation;

import java.util.List;

/** What a {@link TextDetector} concluded about one text, with the signals that led there. */
public record Detection(boolean flagged, double score, List<Signal> signals) {

    public static final Detection CLEAN = new Detection(false, 0.0, List.of());

    public Detection {
        signals = List.copyOf(signals);
    }

    /** The signals as a short sentence, for rule details. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (Signal s : signals) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(s.describe());
        }
        return sb.toString();
    }
}
