package io.promptdesk.engine.validation.sqli;

/**
 * One decoded reading of a window of the scanned text.
 *
 * @param text   the decoded characters
 * @param origin for each decoded character, its offset in the scanned text
 * @param layers what was undone to get here, e.g. {@code url+html}
 */
record DecodedView(String text, int[] origin, String layers) {

    int originOf(int index) {
        return origin[Math.min(index, origin.length - 1)];
    }
}
