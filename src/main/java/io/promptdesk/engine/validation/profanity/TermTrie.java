package io.promptdesk.engine.validation.profanity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable trie over folded terms. Each terminal node is either a denied term (reported with its list
 * spelling) or an allowed term; an allowed entry wins over a denied one with the same folded form. A gap between
 * the words of a phrase is stored as the edge {@link #GAP}, which the matcher satisfies with a run of separators.
 */
final class TermTrie {

    /** Edge key for "one or more separators"; folded text never contains it because NUL is dropped. */
    static final char GAP = '\u0000';

    private final int[] edgeStart;
    private final char[] edgeKeys;
    private final int[] edgeTargets;
    /** Dense a-z transitions, 26 per node: the hot path on English text, kept free of searching. */
    private final int[] letterEdges;
    private final boolean[] startsAscii;
    private final String[] terms;
    private final boolean[] allowed;
    /**
     * Per node, the spellings a denied term may be matched in: {@link #PLAIN} for text without accents,
     * {@link #ACCENTED} for text with them; see {@link Builder#denyAccentExact(String)}.
     */
    private final byte[] accentFits;
    static final byte PLAIN = 1;
    static final byte ACCENTED = 2;
    /** Accents are read as a disguise ("fúck"): the term matches with or without them. */
    static final byte ANY = 4;
    private final int deniedCount;
    /** Denied terms that are ordinary words in other languages, by node; see {@link LanguageHints}. */
    private final Map<Integer, Context> contexts;

    /**
     * A listed word that is an ordinary word in other languages: reported unless the text reads as one of those.
     *
     * @param word     the word, lower case, as it is written in the text
     * @param own      languages whose lists have the word
     * @param innocent languages where it is an ordinary word
     */
    record Context(String word, List<String> own, List<String> innocent) {
    }

    private TermTrie(List<Map<Character, Integer>> children, List<String> terms, List<Boolean> allowed,
                     List<Byte> accentFits, Map<Integer, Context> contexts) {
        this.contexts = Map.copyOf(contexts);
        int nodes = children.size();
        this.edgeStart = new int[nodes + 1];
        int edges = 0;
        for (Map<Character, Integer> c : children) {
            edges += c.size();
        }
        this.edgeKeys = new char[edges];
        this.edgeTargets = new int[edges];
        int e = 0;
        for (int node = 0; node < nodes; node++) {
            edgeStart[node] = e;
            for (Map.Entry<Character, Integer> entry : new TreeMap<>(children.get(node)).entrySet()) {
                edgeKeys[e] = entry.getKey();
                edgeTargets[e++] = entry.getValue();
            }
        }
        edgeStart[nodes] = e;
        this.letterEdges = new int[nodes * 26];
        Arrays.fill(letterEdges, -1);
        for (int node = 0; node < nodes; node++) {
            for (Map.Entry<Character, Integer> entry : children.get(node).entrySet()) {
                char key = entry.getKey();
                if (key >= 'a' && key <= 'z') {
                    letterEdges[node * 26 + key - 'a'] = entry.getValue();
                }
            }
        }
        this.startsAscii = new boolean[128];
        for (char c = 0; c < 128; c++) {
            startsAscii[c] = startsSlow(c);
        }
        this.terms = terms.toArray(new String[0]);
        this.allowed = new boolean[nodes];
        this.accentFits = new byte[nodes];
        int denied = 0;
        for (int node = 0; node < nodes; node++) {
            this.allowed[node] = allowed.get(node);
            this.accentFits[node] = accentFits.get(node);
            if (this.terms[node] != null && !this.allowed[node]) {
                denied++;
            }
        }
        this.deniedCount = denied;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * The trie key of a term: folded like scanned text, with whitespace, hyphens and underscores between words
     * turned into one {@link #GAP}. Empty when nothing is left to match.
     */
    static String keyOf(String term) {
        String folded = CharFolding.foldString(term);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '_') {
                if (key.length() > 0 && key.charAt(key.length() - 1) != GAP) {
                    key.append(GAP);
                }
            } else {
                key.append(c);
            }
        }
        if (key.length() > 0 && key.charAt(key.length() - 1) == GAP) {
            key.setLength(key.length() - 1);
        }
        return key.toString();
    }

    int root() {
        return 0;
    }

    /** The node reached from {@code node} over {@code c}, or -1. */
    int child(int node, char c) {
        if (c >= 'a' && c <= 'z') {
            return letterEdges[node * 26 + c - 'a'];
        }
        int lo = edgeStart[node];
        int hi = edgeStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char k = edgeKeys[mid];
            if (k < c) {
                lo = mid + 1;
            } else if (k > c) {
                hi = mid - 1;
            } else {
                return edgeTargets[mid];
            }
        }
        return -1;
    }

    /** Whether a term can begin with the folded symbol {@code c}, read literally or as leetspeak. */
    boolean canStart(char c) {
        return c < 128 ? startsAscii[c] : startsSlow(c);
    }

    private boolean startsSlow(char c) {
        if (child(0, c) >= 0) {
            return true;
        }
        String alternatives = Symbols.leet(c);
        if (alternatives != null) {
            for (int i = 0; i < alternatives.length(); i++) {
                if (child(0, alternatives.charAt(i)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    int firstEdge(int node) {
        return edgeStart[node];
    }

    int endEdge(int node) {
        return edgeStart[node + 1];
    }

    char edgeKey(int edge) {
        return edgeKeys[edge];
    }

    int edgeTarget(int edge) {
        return edgeTargets[edge];
    }

    /** The term as listed if a term ends at {@code node}, else {@code null}. */
    String term(int node) {
        return terms[node];
    }

    boolean isAllowed(int node) {
        return allowed[node];
    }

    /** Whether the term at {@code node} is English (or the user's): accents are a disguise, not letters. */
    boolean readsAccentsAsDisguise(int node) {
        return (accentFits[node] & ANY) != 0;
    }

    /** The language context of the denied term at {@code node}, or {@code null}. */
    Context context(int node) {
        return contexts.isEmpty() ? null : contexts.get(node);
    }

    /**
     * Whether the denied term at {@code node} may be reported for the original text {@code from..to}: a term of a
     * language where accents are letters of their own matches only text that has accents when the term has them,
     * and the other way round ("göt" is not "got", "bander" is not "Bänder", "cu" is not "cú").
     */
    boolean accentsFit(int node, String original, int from, int to) {
        byte fits = accentFits[node];
        if ((fits & ANY) != 0) {
            // a word ending in sharp s is German, not a disguise: "aß" (ate) is not "ass", "aßhole" is "asshole"
            return original.charAt(to - 1) != '\u00DF';
        }
        return (fits & (hasAccents(original, from, to) ? ACCENTED : PLAIN)) != 0;
    }

    /**
     * Whether {@code s[from, to)} has a letter with a diacritic (one with a canonical decomposition, a combining
     * mark, or a letter like ı, ł, ø, ß that folds to a different letter). Look-alikes from other scripts (Cyrillic
     * 'а') and full-width letters are not accents.
     */
    static boolean hasAccents(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0xC0 || Character.isSurrogate(c)) {
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                return true;
            }
            if (Character.isLetter(c) && (c <= '\u024F' || (c >= '\u1E00' && c <= '\u1EFF'))
                    && CharFolding.fold(c) != c) {
                return true;
            }
            if (c >= '\u0400' && c <= '\u04FF' && !Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFD)) {
                return true; // й, ё
            }
        }
        return false;
    }

    /** Number of distinct denied terms. */
    int deniedCount() {
        return deniedCount;
    }

    /** Collects terms; not thread-safe, used once per detector. */
    static final class Builder {
        private final List<Map<Character, Integer>> children = new ArrayList<>();
        private final List<String> terms = new ArrayList<>();
        private final List<Boolean> allowed = new ArrayList<>();
        private final List<Byte> accentFits = new ArrayList<>();
        private final Map<Integer, Context> contexts = new HashMap<>();

        /** Makes a denied term depend on the text's language, see {@link Context}. */
        Builder context(String term, List<String> own, List<String> innocent) {
            int node = node(term);
            contexts.put(node, new Context(term.strip().toLowerCase(java.util.Locale.ROOT), List.copyOf(own),
                    List.copyOf(innocent)));
            return this;
        }

        private Builder() {
            newNode();
        }

        /** Adds a term to report; a term that is also allowed stays allowed. */
        Builder deny(String term) {
            return add(term, false);
        }

        /** Adds a term that must never be reported, together with any denied term inside its span. */
        Builder allow(String term) {
            return add(term, true);
        }

        /**
         * Adds a term to report whose accents must match the text's ({@link TermTrie#accentsFit}): for languages
         * where an accented letter is a letter of its own. Several spellings with one folded form add up
         * ("scheiße" and "scheisse"); a term added by {@link #deny(String)} matches either way.
         */
        Builder denyAccentExact(String term) {
            int node = node(term);
            byte before = terms.get(node) == null ? 0 : accentFits.get(node);
            add(term, false);
            accentFits.set(node, (byte) (before | (hasAccents(term, 0, term.length()) ? ACCENTED : PLAIN)));
            return this;
        }

        TermTrie build() {
            return new TermTrie(children, terms, allowed, accentFits, contexts);
        }

        private int node(String term) {
            String key = keyOf(term);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("term has nothing to match: '" + term + "'");
            }
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                Map<Character, Integer> next = children.get(node);
                Integer target = next.get(key.charAt(i));
                if (target == null) {
                    target = newNode();
                    next.put(key.charAt(i), target);
                }
                node = target;
            }
            return node;
        }

        private Builder add(String term, boolean allow) {
            int node = node(term);
            if (!allow) {
                accentFits.set(node, ANY);
            }
            if (terms.get(node) == null) {
                terms.set(node, term.strip().replaceAll("\\s+", " "));
            }
            if (allow) {
                allowed.set(node, true);
            }
            return this;
        }

        private int newNode() {
            children.add(new HashMap<>());
            terms.add(null);
            allowed.add(false);
            accentFits.add((byte) 0);
            return children.size() - 1;
        }
    }
}
