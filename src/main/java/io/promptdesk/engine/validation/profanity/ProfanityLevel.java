package io.promptdesk.engine.validation.profanity;

import io.promptdesk.model.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much the {@code no_profanity} rule reports. {@link #STANDARD}, the default, reports swear words, slurs,
 * sexual vulgarity, their abbreviations ("wtf", "stfu") and self-censored forms ("f***"); {@link #STRICT} also
 * reports mild words ("damn", "crap", "hell" as an oath, "idiota").
 */
public enum ProfanityLevel {
    STANDARD("standard"),
    STRICT("strict");

    /** The level used when neither the workspace nor the command line chooses one. */
    public static final ProfanityLevel DEFAULT = STANDARD;

    private final String label;

    ProfanityLevel(String label) {
        this.label = label;
    }

    /** The name users write: {@code standard} or {@code strict}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** "standard, strict", for messages and help. */
    public static String labels() {
        return Arrays.stream(values()).map(ProfanityLevel::label).collect(Collectors.joining(", "));
    }

    /**
     * The level named {@code text} (case and surrounding blanks ignored).
     *
     * @param what what the value is, for the message, e.g. {@code "--profanity-level"}
     * @throws BadInputException naming {@code what} and the allowed values
     */
    public static ProfanityLevel parse(String text, String what) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ProfanityLevel level : values()) {
            if (level.label.equals(t)) {
                return level;
            }
        }
        throw new BadInputException(what + " must be one of " + labels() + ", got '" + (text == null ? "" : text.strip())
                + "'");
    }
}
