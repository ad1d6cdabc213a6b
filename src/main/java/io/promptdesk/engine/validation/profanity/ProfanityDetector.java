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
 * <p>The shipped deny list is {@value #DENY_LIST}, derived from the LDNOOBW English list (CC BY 4.0, see the
 * notice next to it); {@value #ALLOW_LIST} holds phrases that contain a listed word but are harmless
 * ("summa cum laude"). Allowed entries win over denied ones. Immutable and thread-safe.
 *
 * <p>Matching is whole-word, so a listed word glued into a longer one ("shitstorm") is only found when that
 * longer word is listed too; people's names that are listed words ("Dick") are reported unless allowed.
 * Numbers and hex codes are not read as leetspeak ("455", "B008"), and spaced-out letters only join when every
 * token is a single character.
 */
public final class ProfanityDetector implements TextDetector {

    /** Name of every signal this detector reports. */
    public static final String SIGNAL_NAME = "profanity";
    /** Classpath location of the shipped deny list. */
    public static final String DENY_LIST = "/promptdesk/wordlists/profanity-en.txt";
    /** Classpath location of the shipped allow list. */
    public static final String ALLOW_LIST = "/promptdesk/wordlists/profanity-en-allow.txt";
    /** Signals reported per text at most; the scan stops there, so a huge hostile text stays cheap. */
    public static final int MAX_SIGNALS = 100;

    private final TermTrie trie;

    /** The shipped deny and allow lists. */
    public ProfanityDetector() {
        this(List.of(), List.of());
    }

    /**
     * The shipped lists extended by the user's.
     *
     * @param extraDeny terms to report besides the shipped list
     * @param allow     terms and phrases never to report, however disguised; a listed word inside an allowed
     *                  phrase is not reported either
     * @throws IllegalArgumentException if a term has nothing to match (blank, only punctuation that folds away)
     */
    public ProfanityDetector(Collection<String> extraDeny, Collection<String> allow) {
        TermTrie.Builder builder = TermTrie.builder();
        TermListReader.readResource(DENY_LIST).forEach(builder::deny);
        extraDeny.forEach(builder::deny);
        TermListReader.readResource(ALLOW_LIST).forEach(builder::allow);
        allow.forEach(builder::allow);
        this.trie = builder.build();
    }

    /**
     * The shipped lists extended by the user's list files: UTF-8, one term a line, '#' starts a comment line.
     *
     * @throws io.promptdesk.model.BadInputException naming the file (and line) that cannot be used
     */
    public static ProfanityDetector fromFiles(Collection<Path> extraDenyFiles, Collection<Path> allowFiles) {
        return new ProfanityDetector(readAll(extraDenyFiles), readAll(allowFiles));
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
