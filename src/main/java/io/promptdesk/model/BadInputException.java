package io.promptdesk.model;

/**
 * Input from a file or the user that cannot be used; the message names the input and what is wrong, in the form
 * {@code FILE:LINE:COLUMN: what is wrong} where there is a position. Quoted input is made printable (control
 * characters and the bytes of a binary file shown as escapes), so a message never garbles a terminal.
 */
public class BadInputException extends PromptDeskException {
    public BadInputException(String message) {
        super(printable(message));
    }

    public BadInputException(String message, Throwable cause) {
        super(printable(message), cause);
    }

    /** {@code text} with every control or unassigned character but newline and tab escaped (backslash-u and hex). */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == '\uFFFD'
                    || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.PRIVATE_USE
                    || Character.isSurrogate(c) && !validPair(text, i));
            if (!ok && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (ok) {
                    b.append(c);
                } else {
                    b.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
