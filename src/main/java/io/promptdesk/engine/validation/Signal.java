package io.promptdesk.engine.validation;

/**
 * One named piece of evidence a detector found in a text.
 *
 * @param name     stable signal name, e.g. {@code tautology}, {@code instruction_override}
 * @param offset   character offset in the scanned text
 * @param length   length of the matched span
 * @param evidence the matched text (possibly normalised), shortened for display
 * @param weight   contribution to the detector's score
 */
public record Signal(String name, int offset, int length, String evidence, double weight) {

    /** "tautology at 12: 'OR 1=1'". */
    public String describe() {
        return name + " at " + offset + ": '" + evidence + "'";
    }
}
