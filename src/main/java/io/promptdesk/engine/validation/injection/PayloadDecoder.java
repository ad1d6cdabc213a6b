package io.promptdesk.engine.validation.injection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Finds base64, hex, binary and Morse blobs that decode to readable text, so the detector can scan what they say.
 * Linear in the text; at most {@link #MAX_PAYLOADS} blobs of at most {@link #MAX_BLOB} characters each.
 * Stateless.
 */
final class PayloadDecoder {

    static final int MAX_PAYLOADS = 16;
    static final int MAX_BLOB = 1 << 16;
    private static final int MIN_BASE64 = 20;
    private static final int MIN_HEX = 16;
    private static final int MIN_HEX_PAIRS = 8;
    private static final int MIN_BYTES = 4;
    private static final String PUNCTUATION = ".,;:!?'\"()-<>/=_&%$#@*+[]{}";

    private final MorseCode morse = new MorseCode();

    List<Payload> find(String text) {
        List<Payload> out = new ArrayList<>();
        runs(text, out);
        groups(text, out);
        morse.find(text, out);
        return out;
    }

    /** Contiguous runs: hex ("496e6f72...") or base64 ("SWdub3Jl..."). */
    private static void runs(String text, List<Payload> out) {
        int n = text.length();
        int i = 0;
        while (i < n && out.size() < MAX_PAYLOADS) {
            if (!base64Char(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean hex = true;
            boolean digit = false;
            boolean upper = false;
            boolean lower = false;
            boolean urlSafe = false;
            while (i < n && base64Char(text.charAt(i))) {
                char c = text.charAt(i++);
                hex &= Character.digit(c, 16) >= 0;
                digit |= c >= '0' && c <= '9';
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                urlSafe |= c == '-' || c == '_';
            }
            int end = i;
            while (i < n && text.charAt(i) == '=' && i - end < 2) {
                i++;
            }
            int len = Math.min(end - start, MAX_BLOB);
            String decoded = null;
            String kind = null;
            if (hex && len >= MIN_HEX && digit) {
                decoded = hex(text, start, start + (len & ~1));
                kind = "hex";
            } else if (len >= MIN_BASE64 && (digit || (upper && lower))) {
                decoded = base64(text.substring(start, start + len), urlSafe);
                kind = "base64";
            }
            if (readable(decoded)) {
                out.add(new Payload(kind, start, i, decoded));
            }
        }
    }

    /** Space-separated groups: hex pairs ("57 68 61 74") or bytes in binary ("01001001 01100111"). */
    private static void groups(String text, List<Payload> out) {
        int n = text.length();
        Group run = new Group();
        int i = 0;
        while (i < n && out.size() < MAX_PAYLOADS) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int w = i - s;
            boolean hexPair = w == 2 && Character.digit(text.charAt(s), 16) >= 0
                    && Character.digit(text.charAt(s + 1), 16) >= 0;
            boolean octet = w == 8 && binary(text, s, i);
            if (!(hexPair || octet) || (run.width != 0 && run.width != w)) {
                run.flush(out);
            }
            if (hexPair || octet) {
                run.add(text, s, i);
            }
        }
        run.flush(out);
    }

    /** A run of same-width digit groups being collected. */
    private static final class Group {
        private final StringBuilder digits = new StringBuilder();
        private int width;
        private int start;
        private int end;

        void add(String text, int s, int e) {
            if (width == 0) {
                start = s;
            }
            width = e - s;
            end = e;
            if (digits.length() < MAX_BLOB) {
                digits.append(text, s, e);
            }
        }

        void flush(List<Payload> out) {
            if (width != 0 && digits.length() / width >= (width == 2 ? MIN_HEX_PAIRS : MIN_BYTES)
                    && out.size() < MAX_PAYLOADS) {
                String d = width == 2 ? hex(digits, 0, digits.length()) : binary(digits);
                if (readable(d)) {
                    out.add(new Payload(width == 2 ? "hex" : "binary", start, end, d));
                }
            }
            digits.setLength(0);
            width = 0;
        }
    }

    private static boolean base64Char(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    private static boolean binary(CharSequence s, int from, int to) {
        for (int j = from; j < to; j++) {
            if (s.charAt(j) != '0' && s.charAt(j) != '1') {
                return false;
            }
        }
        return true;
    }

    private static String hex(CharSequence s, int from, int to) {
        byte[] b = new byte[(to - from) / 2];
        for (int j = 0; j < b.length; j++) {
            int high = Character.digit(s.charAt(from + 2 * j), 16);
            b[j] = (byte) (high * 16 + Character.digit(s.charAt(from + 2 * j + 1), 16));
        }
        return HiddenText.utf8(b, b.length);
    }

    private static String binary(CharSequence s) {
        byte[] b = new byte[s.length() / 8];
        for (int j = 0; j < b.length; j++) {
            int v = 0;
            for (int k = 0; k < 8; k++) {
                v = v * 2 + (s.charAt(8 * j + k) - '0');
            }
            b[j] = (byte) v;
        }
        return HiddenText.utf8(b, b.length);
    }

    private static String base64(String run, boolean urlSafe) {
        String s = run.length() % 4 == 1 ? run.substring(0, run.length() - 1) : run;
        s = s + "==".substring(0, (4 - s.length() % 4) % 4);
        try {
            Base64.Decoder decoder = urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder();
            byte[] b = decoder.decode(s.getBytes(StandardCharsets.US_ASCII));
            return HiddenText.utf8(b, b.length);
        } catch (IllegalArgumentException e) {
            // mixed alphabets ('+' and '-' in one run): not base64
            return null;
        }
    }

    /** Mostly letters, spaces and punctuation, with at least one space: words, not binary noise. */
    private static boolean readable(String s) {
        if (s == null || s.length() < MIN_BYTES) {
            return false;
        }
        int good = 0;
        boolean space = false;
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            space |= c == ' ';
            if (Character.isLetterOrDigit(c) || c == ' ' || c == '\n' || PUNCTUATION.indexOf(c) >= 0) {
                good++;
            }
        }
        return space && good >= 0.9 * s.length();
    }
}
