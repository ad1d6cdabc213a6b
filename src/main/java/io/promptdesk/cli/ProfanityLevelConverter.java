package io.promptdesk.cli;

import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import picocli.CommandLine;

import java.util.Locale;

/**
 * Reads {@code --profanity-level}: {@code standard} or {@code strict}. Picocli reports a bad value as
 * "Invalid value for option '--profanity-level' (LEVEL): expected one of standard, strict but was 'x'", exit 2.
 */
final class ProfanityLevelConverter implements CommandLine.ITypeConverter<ProfanityLevel> {

    /** The option's description, shared by the commands that take it. */
    static final String DESCRIPTION = "no_profanity level: standard (swear words, slurs, sexual vulgarity, "
            + "abbreviations like wtf, self-censored forms like f***) or strict (also mild words: damn, crap, "
            + "hell as an oath). Default: the workspace's validation.profanity_level, else standard.";

    @Override
    public ProfanityLevel convert(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ProfanityLevel level : ProfanityLevel.values()) {
            if (level.label().equals(v)) {
                return level;
            }
        }
        throw new CommandLine.TypeConversionException("expected one of " + ProfanityLevel.labels() + " but was '"
                + value + "'");
    }
}
