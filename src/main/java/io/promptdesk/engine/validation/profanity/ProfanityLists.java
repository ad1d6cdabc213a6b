package io.promptdesk.engine.validation.profanity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shipped word lists, per language. A jar cannot list a folder, so the languages are named here.
 *
 * <ul>
 *   <li>{@code ldnoobw/<code>.txt}: the LDNOOBW list of that language, unchanged (CC BY 4.0, notice beside it);
 *       English uses PromptDesk's adapted {@value ProfanityDetector#DENY_LIST} instead.</li>
 *   <li>{@code extra/<code>.txt}: PromptDesk's additions reported at every level: abbreviations ("wtf"),
 *       self-censored forms ("f***") and unambiguous phrases around a word that is innocent alone
 *       ("sale con").</li>
 *   <li>{@code mild/<code>.txt}: mild words reported only at {@link ProfanityLevel#STRICT}; listed words moved
 *       here are not reported at {@link ProfanityLevel#STANDARD}.</li>
 *   <li>{@code allow/<code>.txt}: list entries that are ordinary words (in that language or another one) and
 *       harmless phrases; never reported.</li>
 * </ul>
 *
 * Terms in a script written without spaces (Chinese, Japanese, Thai) match inside longer text, so a one-character
 * term there would fire on ordinary words: such terms are not used ({@link #usable(String)}).
 */
final class ProfanityLists {

    /** The 28 LDNOOBW languages, by upstream's codes. */
    static final List<String> LANGUAGES = List.of("ar", "cs", "da", "de", "en", "eo", "es", "fa", "fi", "fil", "fr",
            "fr-CA-u-sd-caqc", "hi", "hu", "it", "ja", "kab", "ko", "nl", "no", "pl", "pt", "ru", "sv", "th", "tlh",
            "tr", "zh");

    static final String ROOT = "/promptdesk/wordlists/";

    /** {@link #LANGUAGES} with English first. */
    static List<String> inBuildOrder() {
        List<String> order = new ArrayList<>(LANGUAGES);
        order.remove("en");
        order.add(0, "en");
        return order;
    }

    private ProfanityLists() {
    }

    /** The listed terms of one language, as shipped (before the allow and mild lists apply). */
    static List<String> listed(String language) {
        return TermListReader.readResource(language.equals("en") ? ProfanityDetector.DENY_LIST
                : ROOT + "ldnoobw/" + language + ".txt");
    }

    static List<String> extra(String language) {
        return optional(ROOT + "extra/" + language + ".txt");
    }

    static List<String> mild(String language) {
        return optional(ROOT + "mild/" + language + ".txt");
    }

    static List<String> allowed(String language) {
        List<String> terms = optional(ROOT + "allow/" + language + ".txt");
        if (language.equals("en")) {
            terms.addAll(TermListReader.readResource(ProfanityDetector.ALLOW_LIST));
        }
        return terms;
    }

    /**
     * Whether a term can be matched without firing on ordinary words: a term with characters of a script written
     * without spaces needs at least two characters, since it matches inside longer text.
     */
    static boolean usable(String term) {
        String key = TermTrie.keyOf(term);
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Symbols.isUnspaced(key.charAt(i))) {
                return key.length() >= 2;
            }
        }
        return true;
    }

    /**
     * Listed words that are ordinary words in other languages, from {@code context.txt}: each line
     * {@code word | own languages | languages where it is innocent}.
     */
    static List<String[]> contexts() {
        List<String[]> rules = new ArrayList<>();
        for (String line : TermListReader.readResource(ROOT + "context.txt")) {
            String[] parts = line.split("\\|");
            if (parts.length != 3) {
                throw new IllegalStateException("context.txt: expected 'word | own | innocent', got '" + line + "'");
            }
            rules.add(new String[] {parts[0].strip(), parts[1].strip(), parts[2].strip()});
        }
        return rules;
    }

    /** The optional lists shipped, relative to {@link #ROOT}: {@code allow/de.txt}, {@code mild/en.txt}. */
    static Set<String> optionalLists() {
        return Shipped.OPTIONAL;
    }

    private static final class Shipped {
        static final Set<String> OPTIONAL = Set.copyOf(TermListReader.readResource(ROOT + "optional-lists.txt"));
    }

    private static List<String> optional(String resource) {
        return Shipped.OPTIONAL.contains(resource.substring(ROOT.length())) ? TermListReader.readResource(resource)
                : new ArrayList<>();
    }
}
