package io.promptdesk.engine.validation.injection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and decodes Morse code ('.-- .... .- -' with '/' or wide gaps between words), one more way to smuggle
 * a request past a word filter. Linear; immutable.
 */
final class MorseCode {

    private static final int MIN_LETTERS = 6;
    private static final String[] CODES = {
        "a.-", "b-...", "c-.-.", "d-..", "e.", "f..-.", "g--.", "h....", "i..", "j.---", "k-.-", "l.-..", "m--",
        "n-.", "o---", "p.--.", "q--.-", "r.-.", "s...", "t-", "u..-", "v...-", "w.--", "x-..-", "y-.--", "z--..",
        "0-----", "1.----", "2..---", "3...--", "4....-", "5.....", "6-....", "7--...", "8---..", "9----.",
        "?..--..", ",--..--", "..-.-.-", "'.----.", "!-.-.--", ":---..."};

    private final Map<String, Character> letters = new HashMap<>();

    MorseCode() {
        for (String c : CODES) {
            letters.put(c.substring(1), c.charAt(0));
        }
    }

    /** Adds a payload for every stretch of at least {@link #MIN_LETTERS} Morse letters. */
    void find(String text, List<Payload> out) {
        int n = text.length();
        int i = 0;
        while (i < n && out.size() < PayloadDecoder.MAX_PAYLOADS) {
            if (!symbol(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder decoded = new StringBuilder();
            int count = 0;
            int end = i;
            while (i < n && decoded.length() < PayloadDecoder.MAX_BLOB) {
                int s = i;
                while (i < n && symbol(text.charAt(i))) {
                    i++;
                }
                Character letter = i - s > 0 && i - s <= 6 ? letters.get(text.substring(s, i)) : null;
                if (letter == null) {
                    i = Math.max(i, s + 1);
                    break;
                }
                decoded.append(letter);
                count++;
                end = i;
                int gap = i;
                while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '/')) {
                    i++;
                }
                if (i - gap == 0) {
                    break;
                }
                if (text.substring(gap, i).contains("/") || i - gap >= 3) {
                    decoded.append(' ');
                }
            }
            if (count >= MIN_LETTERS && decoded.indexOf(" ") > 0) {
                out.add(new Payload("morse", start, end, decoded.toString().strip()));
            }
        }
    }

    private static boolean symbol(char c) {
        return c == '.' || c == '-';
    }
}
