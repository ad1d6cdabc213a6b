package io.promptdesk.engine.validation.profanity;

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
    private final int deniedCount;

    private TermTrie(List<Map<Character, Integer>> children, List<String> terms, List<Boolean> allowed) {
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
        int denied = 0;
        for (int node = 0; node < nodes; node++) {
            this.allowed[node] = allowed.get(node);
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

    /** Number of distinct denied terms. */
    int deniedCount() {
        return deniedCount;
    }

    /** Collects terms; not thread-safe, used once per detector. */
    static final class Builder {
        private final List<Map<Character, Integer>> children = new ArrayList<>();
        private final List<String> terms = new ArrayList<>();
        private final List<Boolean> allowed = new ArrayList<>();

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

        TermTrie build() {
            return new TermTrie(children, terms, allowed);
        }

        private Builder add(String term, boolean allow) {
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
            return children.size() - 1;
        }
    }
}
