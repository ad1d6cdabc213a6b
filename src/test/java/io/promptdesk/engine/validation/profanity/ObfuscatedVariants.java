package io.promptdesk.engine.validation.profanity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Generates disguised spellings of a single-word term, one per obfuscation family, deterministically. */
final class ObfuscatedVariants {

    private static final Map<Character, Character> LEET = Map.of(
            'a', '@', 'e', '3', 'i', '1', 'o', '0', 's', '$', 't', '7', 'b', '8', 'g', '9');
    private static final Map<Character, Character> HOMOGLYPH = Map.of(
            'a', 'а', 'c', 'с', 'e', 'е', 'o', 'о', 'p', 'р', 'x', 'х', 'y', 'у', 'i', 'і');
    private static final Map<Character, Character> ACCENTED = Map.of(
            'a', 'á', 'e', 'é', 'i', 'í', 'o', 'ó', 'u', 'ü');

    private ObfuscatedVariants() {
    }

    /** Family name to variant, for the families that change this term. */
    static Map<String, String> of(String term) {
        Map<String, Function<String, Optional<String>>> families = new LinkedHashMap<>();
        families.put("leetspeak", ObfuscatedVariants::leet);
        families.put("leetspeak, first letter too", t -> replaceAll(t, LEET));
        families.put("masked", ObfuscatedVariants::masked);
        families.put("masked twice", t -> masked(t).flatMap(ObfuscatedVariants::masked));
        families.put("spaced", t -> Optional.of(String.join(" ", t.split(""))));
        families.put("dotted", t -> Optional.of(String.join(".", t.split(""))));
        families.put("hyphenated", t -> Optional.of(String.join("-", t.split(""))));
        families.put("repeated", ObfuscatedVariants::repeated);
        families.put("homoglyph", t -> replaceAll(t, HOMOGLYPH));
        families.put("full-width", ObfuscatedVariants::fullWidth);
        families.put("diacritics", t -> replaceAll(t, ACCENTED));
        families.put("zero-width", t -> Optional.of(t.charAt(0) + "\u200B" + t.substring(1)));
        families.put("upper case", t -> Optional.of(t.toUpperCase()));
        families.put("leetspeak + spaced", t -> leet(t).map(v -> String.join(" ", v.split(""))));
        families.put("homoglyph + repeated", t -> repeated(t).flatMap(v -> replaceAll(v, HOMOGLYPH)));
        families.put("full-width + zero-width", t -> fullWidth(t).map(v -> String.join("\u200B", v.split(""))));
        Map<String, String> variants = new LinkedHashMap<>();
        families.forEach((name, f) -> f.apply(term).filter(v -> !v.equals(term)).ifPresent(v -> variants.put(name, v)));
        return variants;
    }

    /** Every mappable letter but the first replaced, so the variant keeps a letter ("a$$", not "455"). */
    private static Optional<String> leet(String t) {
        StringBuilder sb = new StringBuilder().append(t.charAt(0));
        for (int i = 1; i < t.length(); i++) {
            sb.append(LEET.getOrDefault(t.charAt(i), t.charAt(i)));
        }
        return Optional.of(sb.toString());
    }

    /** The first inner vowel starred, the way people censor ("f*ck"). */
    private static Optional<String> masked(String t) {
        for (int i = 1; i < t.length() - 1; i++) {
            if ("aeiou".indexOf(t.charAt(i)) >= 0) {
                return Optional.of(t.substring(0, i) + "*" + t.substring(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The first vowel (or the last letter) written four times ("fuuuuck"). */
    private static Optional<String> repeated(String t) {
        int i = 0;
        while (i < t.length() && "aeiou".indexOf(t.charAt(i)) < 0) {
            i++;
        }
        if (i == t.length()) {
            i = t.length() - 1;
        }
        return Optional.of(t.substring(0, i + 1) + String.valueOf(t.charAt(i)).repeat(3) + t.substring(i + 1));
    }

    private static Optional<String> fullWidth(String t) {
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            sb.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return Optional.of(sb.toString());
    }

    private static Optional<String> replaceAll(String t, Map<Character, Character> map) {
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            sb.append(map.getOrDefault(c, c));
        }
        return Optional.of(sb.toString());
    }
}
