package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import io.promptdesk.engine.validation.TextDetector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds profanity for the {@code no_profanity} rule: whole words and phrases from a deny list, also when
 * disguised with leetspeak, masked or repeated letters, spaced-out letters, Unicode look-alikes or invisible
 * characters. Each hit is a {@code profanity} signal of weight 1 whose offset and length cover the original
 * span and whose evidence is the listed term plus how it was disguised, e.g. {@code "fuck (leetspeak)"}.
 *
 * <p>The shipped lists cover the 28 languages of the LDNOOBW lists (CC BY 4.0, see the notices next to them),
 * all in one trie, so a text is scanned once whatever its language: English is {@value #DENY_LIST}, the other
 * languages the unchanged LDNOOBW lists, plus PromptDesk's abbreviations and self-censored forms ("wtf",
 * "f***"). Per-language allow lists remove list entries that are ordinary words ("cerveja", "regina") and hold
 * phrases that contain a listed word but are harmless ("summa cum laude"). Allowed entries win over denied ones.
 * {@link ProfanityLevel#STRICT} also reports mild words ("damn", "crap", "what the hell"). Immutable and
 * thread-safe; the shipped detectors are built once, on first use ({@link #shared(ProfanityLevel)}).
 *
 * <p>Matching is whole-word, so a listed word glued into a longer one ("shitstorm") is only found when that
 * longer word is listed too; people's names that are listed words ("Dick") are reported unless allowed.
 * Numbers and hex codes are not read as leetspeak ("455", "B008"), and spaced-out letters only join when every
 * token is a single character. Chinese, Japanese and Thai have no spaces between words, so their terms match
 * anywhere in the text and must be at least two characters long; Korean terms must start a word but may carry
 * a particle ("씨발놈아").
 */
public final class ProfanityDetector implements TextDetector {

    /** Name of every signal this detector reports. */
    public static final String SIGNAL_NAME = "profanity";
    /** Classpath location of the shipped English deny list. */
    public static final String DENY_LIST = "/promptdesk/wordlists/profanity-en.txt";
    /** Classpath location of the shipped English allow list. */
    public static final String ALLOW_LIST = "/promptdesk/wordlists/profanity-en-allow.txt";
    /** Signals reported per text at most; the scan stops there, so a huge hostile text stays cheap. */
    public static final int MAX_SIGNALS = 100;

    private final TermTrie trie;
    private final ProfanityLevel level;

    /** The shipped lists at the default level. */
    public ProfanityDetector() {
        this(ProfanityLevel.DEFAULT, List.of(), List.of());
    }

    /** The shipped lists at the default level, extended by the user's; see the three-argument constructor. */
    public ProfanityDetector(Collection<String> extraDeny, Collection<String> allow) {
        this(ProfanityLevel.DEFAULT, extraDeny, allow);
    }

    /**
     * The shipped lists at {@code level}, extended by the user's.
     *
     * @param level     {@code null} for the default level
     * @param extraDeny terms to report besides the shipped lists
     * @param allow     terms and phrases never to report, however disguised; a listed word inside an allowed
     *                  phrase is not reported either
     * @throws IllegalArgumentException if a term has nothing to match (blank, only punctuation that folds away)
     */
    public ProfanityDetector(ProfanityLevel level, Collection<String> extraDeny, Collection<String> allow) {
        this.level = level == null ? ProfanityLevel.DEFAULT : level;
        TermTrie.Builder builder = TermTrie.builder();
        // English first: a term listed in several languages keeps the English spelling as its evidence
        for (String language : ProfanityLists.inBuildOrder()) {
            for (String term : ProfanityLists.listed(language)) {
                if (!ProfanityLists.usable(term)) {
                    continue;
                }
                if (language.equals("en")) {
                    builder.deny(term); // English keeps reading accents as disguise ("fúck")
                } else {
                    // accents are letters in these languages: "göt" is not "got", "bander" is not "Bänder"
                    builder.denyAccentExact(term);
                }
            }
            boolean english = language.equals("en");
            ProfanityLists.extra(language).forEach(english ? builder::deny : builder::denyAccentExact);
            ProfanityLists.allowed(language).forEach(builder::allow);
            if (this.level == ProfanityLevel.STRICT) {
                ProfanityLists.mild(language).forEach(english ? builder::deny : builder::denyAccentExact);
            } else {
                ProfanityLists.mild(language).forEach(builder::allow);
            }
        }
        for (String[] rule : ProfanityLists.contexts()) {
            builder.context(rule[0], List.of(rule[1].split(",")), List.of(rule[2].split(",")));
        }
        extraDeny.forEach(builder::deny);
        allow.forEach(builder::allow);
        this.trie = builder.build();
    }

    /** The shipped lists at {@code level} ({@code null}: the default), built once on first use and shared. */
    public static ProfanityDetector shared(ProfanityLevel level) {
        return level == ProfanityLevel.STRICT ? StrictHolder.INSTANCE : StandardHolder.INSTANCE;
    }

    private static final class StandardHolder {
        static final ProfanityDetector INSTANCE = new ProfanityDetector(ProfanityLevel.STANDARD, List.of(), List.of());
    }

    private static final class StrictHolder {
        static final ProfanityDetector INSTANCE = new ProfanityDetector(ProfanityLevel.STRICT, List.of(), List.of());
    }

    /** The level this detector reports at. */
    public ProfanityLevel level() {
        return level;
    }

    /**
     * The shipped lists extended by the user's list files: UTF-8, one term a line, '#' starts a comment line.
     *
     * @throws io.promptdesk.model.BadInputException naming the file (and line) that cannot be used
     */
    public static ProfanityDetector fromFiles(Collection<Path> extraDenyFiles, Collection<Path> allowFiles) {
        return fromFiles(ProfanityLevel.DEFAULT, extraDenyFiles, allowFiles);
    }

    /** As {@link #fromFiles(Collection, Collection)}, at {@code level}. */
    public static ProfanityDetector fromFiles(ProfanityLevel level, Collection<Path> extraDenyFiles,
                                              Collection<Path> allowFiles) {
        return new ProfanityDetector(level, readAll(extraDenyFiles), readAll(allowFiles));
    }

    private static List<String> readAll(Collection<Path> files) {
        List<String> terms = new ArrayList<>();
        for (Path file : files) {
            terms.addAll(TermListReader.readFile(file));
        }
        return terms;
    }

    /** Number of distinct terms this detector reports. */
    public int deniedTermCount() {
        return trie.deniedCount();
    }

    @Override
    public Detection scan(String text) {
        if (text == null || text.isEmpty()) {
            return Detection.CLEAN;
        }
        List<Signal> signals = TermSearch.find(trie, FoldedText.of(text), MAX_SIGNALS);
        if (signals.isEmpty()) {
            return Detection.CLEAN;
        }
        return new Detection(true, signals.size(), signals);
    }
}
