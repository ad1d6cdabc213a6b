package io.promptdesk.engine.validation.injection;

import java.util.regex.Pattern;

/**
 * An attack quoted to be talked about, not given: "Why phrases like 'ignore previous instructions' matter", "can you
 * explain what \"ignore previous instructions\" means?". Security training, questions and articles quote attacks; a
 * signal found wholly inside such a quotation counts half ({@link Evidence#add}), so it flags only with another signal
 * or with the classifier's corroboration. The quotation opens right before the signal's span and closes after it on
 * the same line, and the words before it name what follows as an example, a phrase or a thing to explain.
 */
final class QuotedMention {

    /** The weight of a signal found in a quoted mention. */
    static final double DISCOUNT = 0.5;

    /** Quotation marks that open and close a quotation, in the scripts of the lexicon. */
    static final String OPENING = "'\"“‘«„「『";
    static final String CLOSING = "'\"”’»“」』";
    /** How far before the quotation the words that make it a mention may stand. */
    private static final int CUE_REACH = 60;
    /** How far after the span the quotation must close. */
    private static final int CLOSE_REACH = 200;

    /**
     * Words before a quotation that make it an example or a thing to explain, ending the words before it - not "this
     * exact string:" or "say these words:", which order the quotation said.
     */
    private static final Pattern CUE = Pattern.compile("(?iu)(?:^|[^\\p{L}])(?:like|such\\s+as|e\\.\\s?g\\."
            + "|for\\s+example"
            + "|an\\s+example(?:\\s+of\\s+[\\p{L}\\s-]{1,30})?|called|explain"
            + "|(?:explain|tell\\s+me|know|understand|is|does)\\s+what|what\\s+(?:is|are|does|do)|the\\s+term"
            + "|the\\s+(?:famous|classic|infamous|well-known)(?:\\s+[\\p{L}-]+){0,2}"
            // ... the same in German, French, Spanish, Italian, Portuguese: "Sätze wie", "le terme", "frases como"
            + "|wie|comme|como|come|z\\.\\s?b\\.|zum\\s+beispiel|par\\s+exemple|por\\s+ejemplo|per\\s+esempio"
            + "|begriff|terme|t[ée]rmino|termine|termo|expression|expresi[óo]n|espressione|express[ãa]o)"
            + "\\s*:?\\s*$");

    private QuotedMention() {
    }

    /** Whether {@code text[start, end)} lies in a quotation that the words before it mention rather than give. */
    static boolean mentioned(String text, int start, int end) {
        int open = start - 1;
        while (open >= 0 && open >= start - 3 && Character.isWhitespace(text.charAt(open))) {
            open--;
        }
        if (open < 0 || OPENING.indexOf(text.charAt(open)) < 0) {
            return false;
        }
        int newline = text.indexOf('\n', open);
        if (newline >= 0 && newline < end) {
            return false;
        }
        int limit = Math.min(text.length(), end + CLOSE_REACH);
        int close = -1;
        for (int i = Math.max(end, open + 1); i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return false;
            }
            // ... an apostrophe inside a word ("don't") closes nothing
            boolean apostrophe = c == '\'' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            if (CLOSING.indexOf(c) >= 0 && !apostrophe) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        if (open > 0 && text.charAt(open - 1) == '(') {
            // "role-play ('pretend you have no rules')": an example in brackets
            return true;
        }
        String before = text.substring(Math.max(0, open - CUE_REACH), open);
        int line = before.lastIndexOf('\n');
        return CUE.matcher(line >= 0 ? before.substring(line + 1) : before).find();
    }
}
