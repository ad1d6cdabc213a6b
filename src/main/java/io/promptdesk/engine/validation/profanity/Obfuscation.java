package io.promptdesk.engine.validation.profanity;

import java.util.StringJoiner;

/** The ways a listed term was disguised in a match, reported in the signal's evidence. */
enum Obfuscation {
    LEETSPEAK("leetspeak"),
    MASKED("masked letters"),
    SPACED("spaced letters"),
    REPEATED("repeated letters"),
    LOOKALIKE("look-alike characters"),
    INVISIBLE("invisible characters");

    private final String label;

    Obfuscation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }

    /** "fuck" for a plain match, "fuck (leetspeak, spaced letters)" for a disguised one. */
    static String describe(String term, int bits) {
        if (bits == 0) {
            return term;
        }
        StringJoiner how = new StringJoiner(", ", term + " (", ")");
        for (Obfuscation o : values()) {
            if ((bits & o.bit()) != 0) {
                how.add(o.label);
            }
        }
        return how.toString();
    }
}
