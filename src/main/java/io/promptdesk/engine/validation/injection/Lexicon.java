package io.promptdesk.engine.validation.injection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word-class lexicon: folded words and stems mapped to {@link WordClass} masks, looked up from the
 * scanner's token buffer without allocating. Han and kana entries are kept apart and matched as character
 * sequences. Immutable.
 */
final class Lexicon {

    static final String RESOURCE = "/promptdesk/injection/prompt-injection-lexicon.txt";
    /** Longest token (in folded chars) the scanner buffers and looks up. */
    static final int MAX_WORD = 48;

    /** Not a word class: the words of its lines end their clause (Turkish, Hungarian ...), see {@link #verbFinal}. */
    static final String VERB_FINAL = "VERB_FINAL";
    /**
     * Not a word class: words whose common misspellings take their classes - two neighbouring letters swapped or one
     * letter dropped, never the first or last ("ignroe", "ingore", "previuos", "sytem", "promt", "forgt").
     */
    static final String MISSPELT = "MISSPELT";
    /** Not a word class: misspellings that are words of their own in some language ("foret", "revel", "polices"). */
    static final String NOT_MISSPELT = "NOT_MISSPELT";
    /** Shorter words have too many neighbours that are words of their own. */
    static final int MISSPELT_MIN = 6;

    private final HashTable exact = new HashTable();
    private final HashTable verbFinalWords = new HashTable();
    private final HashTable stems = new HashTable();
    /** Two-word entries ("yok_say"), keyed by the two folded words with one space between. */
    private final HashTable phrases = new HashTable();
    /** Hashes of the second words of two-word entries: most tokens end none and skip the phrase probe. */
    private final boolean[] phraseTails = new boolean[1 << 10];
    /** Bit n set: some stem has length n. */
    private long stemLengths;
    /** Hashes of the first two chars of stems: most tokens start with no stem and skip the stem probes. */
    private final boolean[] stemStarts = new boolean[1 << 12];
    private final Map<Character, CjkWord[]> cjk;

    private record CjkWord(String text, long mask) {
    }

    Lexicon(List<String> lines, TextFolder folder) {
        Map<String, Long> words = new HashMap<>();
        Map<String, Long> stemWords = new HashMap<>();
        Map<Character, List<CjkWord>> cjkWords = new HashMap<>();
        List<String> misspeltKeys = new ArrayList<>();
        Set<String> notMisspelt = new HashSet<>();
        for (String raw : lines) {
            String line = raw.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#") || colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (name.equals(MISSPELT) || name.equals(NOT_MISSPELT)) {
                for (String entry : line.substring(colon + 1).strip().split("\\s+")) {
                    (name.equals(MISSPELT) ? misspeltKeys : notMisspelt).add(folder.foldString(entry));
                }
                continue;
            }
            boolean verbFinal = name.equals(VERB_FINAL);
            long bit = verbFinal ? 0 : WordClass.valueOf(name).bit();
            for (String entry : line.substring(colon + 1).strip().split("\\s+")) {
                boolean stem = entry.endsWith("*");
                String bare = stem ? entry.substring(0, entry.length() - 1) : entry;
                if (TextFolder.isThai(bare.codePointAt(0))) {
                    // matched against the text as written: Thai's vowel marks are not folded away, and SARA AM is
                    // written both as one character and as NIKHAHIT + SARA AA
                    String nfkc = Normalizer.normalize(bare, Normalizer.Form.NFKC);
                    for (String w : new String[] {nfkc, nfkc.replace("\u0E4D\u0E32", "\u0E33")}) {
                        cjkWords.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(new CjkWord(w, bit));
                    }
                    continue;
                }
                int underscore = bare.indexOf('_');
                if (underscore > 0 && !stem && !verbFinal) {
                    // a verb of two words whose second alone means something else: Turkish "yok say", Vietnamese
                    // "bo qua"; the second word takes the class when the first stands right before it
                    String head = folder.foldString(bare.substring(0, underscore));
                    String tail = folder.foldString(bare.substring(underscore + 1));
                    if (head.isEmpty() || tail.isEmpty() || tail.length() > MAX_WORD
                            || head.length() + 1 + tail.length() > 2 * MAX_WORD) {
                        throw new IllegalArgumentException("lexicon entry '" + entry + "' (" + name
                                + ") is not two words joined by an underscore");
                    }
                    phrases.put(head + " " + tail, bit);
                    phraseTails[tail.hashCode() & (phraseTails.length - 1)] = true;
                    continue;
                }
                String word = folder.foldString(bare);
                if (word.isEmpty()) {
                    continue;
                }
                if (verbFinal) {
                    verbFinalWords.put(word, 1L);
                } else if (TextFolder.isCjk(word.codePointAt(0))) {
                    cjkWords.computeIfAbsent(word.charAt(0), k -> new ArrayList<>()).add(new CjkWord(word, bit));
                } else if (stem) {
                    if (word.length() < 2) {
                        // lookups probe stems by their first two characters
                        throw new IllegalArgumentException("lexicon stem '" + entry + "' (" + name
                                + ") is one character long; list the words instead");
                    }
                    stemWords.merge(word, bit, (a, b) -> a | b);
                    stemStarts[word.substring(0, 2).hashCode() & (stemStarts.length - 1)] = true;
                    stemLengths |= 1L << Math.min(word.length(), 63);
                } else {
                    words.merge(word, bit, (a, b) -> a | b);
                }
            }
        }
        misspellings(misspeltKeys, notMisspelt, words, stemWords);
        words.forEach(exact::put);
        stemWords.forEach(stems::put);
        this.cjk = new HashMap<>();
        cjkWords.forEach((first, list) -> {
            Map<String, Long> merged = new HashMap<>();
            list.forEach(w -> merged.merge(w.text(), w.mask(), (a, b) -> a | b));
            CjkWord[] arr = merged.entrySet().stream().map(e -> new CjkWord(e.getKey(), e.getValue()))
                    .sorted((a, b) -> b.text().length() - a.text().length()).toArray(CjkWord[]::new);
            cjk.put(first, arr);
        });
    }

    /**
     * Gives each misspelling of a {@link #MISSPELT} word that is not a word already (of the lexicon or of
     * {@link #NOT_MISSPELT}) the word's classes.
     */
    private static void misspellings(List<String> keys, Set<String> notMisspelt, Map<String, Long> words,
                                     Map<String, Long> stemWords) {
        Map<String, Long> found = new HashMap<>();
        for (String key : keys) {
            long mask = words.getOrDefault(key, 0L);
            for (Map.Entry<String, Long> stem : stemWords.entrySet()) {
                mask |= key.startsWith(stem.getKey()) ? stem.getValue() : 0L;
            }
            if (mask == 0 || key.length() < MISSPELT_MIN) {
                throw new IllegalArgumentException("misspelt lexicon word '" + key + "' is not a word of a class, or "
                        + "is shorter than " + MISSPELT_MIN + " letters");
            }
            for (String v : misspellingsOf(key)) {
                if (!words.containsKey(v) && !notMisspelt.contains(v)) {
                    found.merge(v, mask, (a, b) -> a | b);
                }
            }
        }
        words.putAll(found);
    }

    /** Two neighbouring letters swapped, or one letter dropped, the first and last kept. */
    static Set<String> misspellingsOf(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i + 2 < word.length(); i++) {
            char[] c = word.toCharArray();
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            out.add(new String(c));
        }
        for (int i = 1; i + 1 < word.length(); i++) {
            out.add(word.substring(0, i) + word.substring(i + 1));
        }
        out.remove(word);
        return out;
    }

    /** The shipped lexicon folded by the shared folder, read once per process: every detector shares it. */
    private static volatile Lexicon shippedShared;

    /**
     * The lexicon shipped with PromptDesk. Immutable, so the detectors built with the shared folder (the console builds
     * two, the CLI's runner one or two) share one copy rather than each parsing and folding its eight hundred lines.
     */
    static Lexicon shipped(TextFolder folder) {
        if (folder != TextFolder.shared()) {
            return load(folder);
        }
        // not a holder class: a missing or broken resource must say so on every call, not once and then
        // "Could not initialize class"
        Lexicon l = shippedShared;
        if (l == null) {
            synchronized (Lexicon.class) {
                l = shippedShared;
                if (l == null) {
                    l = load(folder);
                    shippedShared = l;
                }
            }
        }
        return l;
    }

    private static Lexicon load(TextFolder folder) {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Lexicon(r.lines().toList(), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Classes of the folded token {@code buf[0..len)}: its exact entry plus the longest stem it starts with.
     *
     * @param prefixHash {@code prefixHash[i]} is the String hash of {@code buf[0..i]}
     */
    long lookup(char[] buf, int len, int[] prefixHash) {
        long mask = exact.get(buf, len, prefixHash[len - 1]);
        if (len < 2 || !stemStarts[prefixHash[1] & (stemStarts.length - 1)]) {
            return mask;
        }
        long lengths = stemLengths & (len >= 63 ? -1L : (1L << (len + 1)) - 1);
        while (lengths != 0) {
            int l = 63 - Long.numberOfLeadingZeros(lengths);
            long m = stems.get(buf, l, prefixHash[l - 1]);
            if (m != 0) {
                return mask | m;
            }
            lengths &= ~(1L << l);
        }
        return mask;
    }

    /**
     * Classes the folded token {@code buf[0..len)} takes as the second word of a two-word entry whose first word,
     * folded, is {@code prev[0..prevLen)} right before it; 0 for most tokens, after one array read.
     *
     * @param hash the String hash of {@code buf[0..len)}
     */
    long phrase(char[] prev, int prevLen, char[] buf, int len, int hash) {
        if (prevLen == 0 || !phraseTails[hash & (phraseTails.length - 1)]) {
            return 0;
        }
        char[] pair = new char[prevLen + 1 + len];
        System.arraycopy(prev, 0, pair, 0, prevLen);
        pair[prevLen] = ' ';
        System.arraycopy(buf, 0, pair, prevLen + 1, len);
        return phrases.get(pair, pair.length, new String(pair).hashCode());
    }

    /** Whether the folded word (no longer than {@link #MAX_WORD}) is in some word class. */
    boolean knows(String folded) {
        int len = Math.min(folded.length(), MAX_WORD);
        if (len == 0) {
            return false;
        }
        char[] buf = new char[len];
        int[] prefixHash = new int[len];
        int h = 0;
        for (int i = 0; i < len; i++) {
            buf[i] = folded.charAt(i);
            h = 31 * h + buf[i];
            prefixHash[i] = h;
        }
        return lookup(buf, len, prefixHash) != 0;
    }

    /**
     * Whether the folded token {@code buf[0..len)} is a verb of a verb-final language written in Latin letters
     * ("talimatları yok sayın"): the rules then also look behind it, as they do for Korean or Hindi.
     */
    boolean verbFinal(char[] buf, int len, int[] prefixHash) {
        return verbFinalWords.get(buf, len, prefixHash[len - 1]) != 0;
    }

    /** Whether the folded word {@code w[0..len)} is listed under {@value #VERB_FINAL} ("yok" of "yok say"). */
    boolean verbFinal(char[] w, int len) {
        return len > 0 && verbFinalWords.get(w, len, new String(w, 0, len).hashCode()) != 0;
    }

    /** The longest Han/kana entry starting at {@code pos} in {@code text}: its length, or 0. */
    int cjkLength(CharSequence text, int pos) {
        CjkWord w = cjkAt(text, pos);
        return w == null ? 0 : w.text().length();
    }

    /** The classes of the entry {@link #cjkLength} found. */
    long cjkMask(CharSequence text, int pos) {
        CjkWord w = cjkAt(text, pos);
        return w == null ? 0 : w.mask();
    }

    private CjkWord cjkAt(CharSequence text, int pos) {
        CjkWord[] candidates = cjk.get(text.charAt(pos));
        if (candidates == null) {
            return null;
        }
        for (CjkWord w : candidates) {
            String s = w.text();
            if (pos + s.length() <= text.length() && regionEquals(text, pos, s)) {
                return w;
            }
        }
        return null;
    }

    private static boolean regionEquals(CharSequence text, int pos, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (text.charAt(pos + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Open addressing from words to masks, probed with a hash the caller computed over its buffer. */
    private static final class HashTable {
        private String[] keys = new String[1024];
        private long[] masks = new long[1024];
        private int size;

        void put(String key, long mask) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int slot = key.hashCode() & (keys.length - 1);
            while (keys[slot] != null && !keys[slot].equals(key)) {
                slot = (slot + 1) & (keys.length - 1);
            }
            if (keys[slot] == null) {
                size++;
                keys[slot] = key;
            }
            masks[slot] |= mask;
        }

        long get(char[] buf, int len, int hash) {
            int slot = hash & (keys.length - 1);
            String k;
            while ((k = keys[slot]) != null) {
                if (k.hashCode() == hash && matches(k, buf, len)) {
                    return masks[slot];
                }
                slot = (slot + 1) & (keys.length - 1);
            }
            return 0;
        }

        private static boolean matches(String k, char[] buf, int len) {
            if (k.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (k.charAt(i) != buf[i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] oldKeys = keys;
            long[] oldMasks = masks;
            keys = new String[oldKeys.length * 2];
            masks = new long[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    put(oldKeys[i], oldMasks[i]);
                }
            }
        }
    }
}
