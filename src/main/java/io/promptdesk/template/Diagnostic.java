package io.promptdesk.template;

/**
 * A syntax error in a template, positioned so an editor can underline it.
 *
 * @param offset character offset from the start of the template
 * @param length length of the offending span (at least 1 unless the template is empty)
 * @param line   1-based line
 * @param column 1-based column, in characters
 */
public record Diagnostic(int line, int column, int offset, int length, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
