package io.promptdesk.ui.author;

/**
 * A styled range of the template text, half-open {@code [start, end)}.
 *
 * @param message the syntax error text for {@link Kind#ERROR}, else null
 */
public record Highlight(int start, int end, Kind kind, String message) {

    public enum Kind { PLACEHOLDER, ESCAPE, ERROR }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
