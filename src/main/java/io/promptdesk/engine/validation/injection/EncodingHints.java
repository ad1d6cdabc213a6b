package io.promptdesk.engine.validation.injection;

/**
 * Cheap running checks, fed by the token scanner, for whether a text may hold a base64, hex, binary or Morse
 * blob, so the costlier {@link PayloadDecoder} runs only on texts that may need it.
 */
final class EncodingHints {

    private static final int BASE64_MIN = 20;
    private static final int MORSE_MIN = 16;
    private static final int HEX_PAIRS_MIN = 8;
    private static final int OCTETS_MIN = 4;
    private static final int HEX_RUN_MIN = 16;
    private static final boolean[] BASE64 = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            BASE64[c] = Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_';
        }
    }

    private int base64Run;
    private int morseRun;
    private int hexPairRun;
    private int octetRun;
    private boolean maybe;

    /** Each ASCII character of the text. */
    void ascii(char ch) {
        if (BASE64[ch]) {
            base64Run++;
        } else {
            endBase64();
        }
        if (ch == '.' || ch == '-') {
            morseRun++;
        } else if (ch != ' ' && ch != '/') {
            endMorse();
        }
    }

    /** A non-ASCII character, or the end of the text: ends any run. */
    void other() {
        endBase64();
        endMorse();
    }

    /**
     * Each token: two hex digits ("6d"), a binary octet ("01101101") or a long hex run.
     *
     * @param hexPair token is two hex digits
     * @param octet   token is eight binary digits
     * @param hexRun  token is at least {@value #HEX_RUN_MIN} hex digits
     */
    void token(boolean hexPair, boolean octet, boolean hexRun) {
        hexPairRun = hexPair ? hexPairRun + 1 : 0;
        octetRun = octet ? octetRun + 1 : 0;
        maybe |= hexPairRun >= HEX_PAIRS_MIN || octetRun >= OCTETS_MIN || hexRun;
    }

    static int hexRunMin() {
        return HEX_RUN_MIN;
    }

    boolean maybeEncoded() {
        return maybe;
    }

    private void endBase64() {
        maybe |= base64Run >= BASE64_MIN;
        base64Run = 0;
    }

    private void endMorse() {
        maybe |= morseRun >= MORSE_MIN;
        morseRun = 0;
    }
}
