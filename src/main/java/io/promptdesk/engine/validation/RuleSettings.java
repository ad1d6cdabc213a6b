package io.promptdesk.engine.validation;

import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.model.BadInputException;

import java.util.Set;

/**
 * Settings of the validation rules.
 *
 * @param minLength        smallest allowed rendered output, in {@code unit}
 * @param maxLength        largest allowed rendered output, in {@code unit}
 * @param unit             characters (Unicode code points) or tokens
 * @param encoding         tokenizer encoding when counting tokens: {@code cl100k_base} or {@code o200k_base}
 * @param profanityAllow   terms never reported by {@code no_profanity}
 * @param profanityDeny    extra terms reported by {@code no_profanity}
 * @param profanityLevel   how much {@code no_profanity} reports; {@code null} means {@link ProfanityLevel#DEFAULT}
 */
public record RuleSettings(int minLength, int maxLength, LengthUnit unit, String encoding,
                           Set<String> profanityAllow, Set<String> profanityDeny, ProfanityLevel profanityLevel) {

    public static final int DEFAULT_MIN_LENGTH = 10;
    public static final int DEFAULT_MAX_LENGTH = 32_000;
    public static final String DEFAULT_ENCODING = "cl100k_base";

    public RuleSettings {
        if (minLength < 0) {
            throw new BadInputException("min_length must be 0 or more, got " + minLength);
        }
        if (maxLength < minLength) {
            throw new BadInputException("max_length (" + maxLength + ") is below min_length (" + minLength + ")");
        }
        if (unit == null) {
            unit = LengthUnit.CHARACTERS;
        }
        if (encoding == null) {
            encoding = DEFAULT_ENCODING;
        }
        if (unit == LengthUnit.TOKENS) {
            TokenCounter.requireKnown(encoding);
        }
        profanityAllow = profanityAllow == null ? Set.of() : Set.copyOf(profanityAllow);
        profanityDeny = profanityDeny == null ? Set.of() : Set.copyOf(profanityDeny);
        if (profanityLevel == null) {
            profanityLevel = ProfanityLevel.DEFAULT;
        }
    }

    /** Settings at the default profanity level. */
    public RuleSettings(int minLength, int maxLength, LengthUnit unit, String encoding,
                        Set<String> profanityAllow, Set<String> profanityDeny) {
        this(minLength, maxLength, unit, encoding, profanityAllow, profanityDeny, ProfanityLevel.DEFAULT);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, LengthUnit.CHARACTERS, DEFAULT_ENCODING,
                Set.of(), Set.of(), ProfanityLevel.DEFAULT);
    }

    public RuleSettings withLengths(int min, int max) {
        return new RuleSettings(min, max, unit, encoding, profanityAllow, profanityDeny, profanityLevel);
    }

    public RuleSettings withUnit(LengthUnit newUnit, String newEncoding) {
        return new RuleSettings(minLength, maxLength, newUnit, newEncoding, profanityAllow, profanityDeny,
                profanityLevel);
    }

    public RuleSettings withProfanityLists(Set<String> allow, Set<String> deny) {
        return new RuleSettings(minLength, maxLength, unit, encoding, allow, deny, profanityLevel);
    }

    /** These settings at {@code level}; {@code null} keeps the current level. */
    public RuleSettings withProfanityLevel(ProfanityLevel level) {
        return level == null ? this
                : new RuleSettings(minLength, maxLength, unit, encoding, profanityAllow, profanityDeny, level);
    }

    /** "characters" or "cl100k_base tokens", for messages. */
    public String unitLabel() {
        return unit == LengthUnit.TOKENS ? encoding + " tokens" : "characters";
    }
}
