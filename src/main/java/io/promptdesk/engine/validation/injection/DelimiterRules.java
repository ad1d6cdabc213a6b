package io.promptdesk.engine.validation.injection;

import static io.promptdesk.engine.validation.injection.WordClass.AUTHORITY;
import static io.promptdesk.engine.validation.injection.WordClass.BEGIN;
import static io.promptdesk.engine.validation.injection.WordClass.DOC;
import static io.promptdesk.engine.validation.injection.WordClass.END;
import static io.promptdesk.engine.validation.injection.WordClass.INSTR;
import static io.promptdesk.engine.validation.injection.WordClass.MODE_ADJ;
import static io.promptdesk.engine.validation.injection.WordClass.MODE_ON;
import static io.promptdesk.engine.validation.injection.WordClass.NEW;
import static io.promptdesk.engine.validation.injection.WordClass.OVERRIDE;
import static io.promptdesk.engine.validation.injection.WordClass.PROMPT;
import static io.promptdesk.engine.validation.injection.WordClass.ROLE_LABEL;
import static io.promptdesk.engine.validation.injection.WordClass.SYSTEM;
import static io.promptdesk.engine.validation.injection.WordClass.TEXT;
import static io.promptdesk.engine.validation.injection.WordClass.mask;

/**
 * Text dressed up as the prompt's own structure: role prefixes at the start of a line ("system:",
 * "### System", "&lt;system&gt;"), fake ends and beginnings ("---END OF PROMPT---", "BEGIN NEW INSTRUCTIONS")
 * and upper-case override headers ("DEVELOPER OVERRIDE:").
 */
final class DelimiterRules implements TokenRule {

    private static final long FRAMED = mask(PROMPT, INSTR, SYSTEM, DOC, TEXT);
    /** Characters that open and close a tag or header: &lt;system&gt;, [SYSTEM], {{SYSTEM: ...}}. */
    private static final String OPENERS = "<[{";
    private static final String CLOSERS = ">]}:";

    @Override
    public void apply(TokenTable t, Evidence out) {
        for (int k = 0; k < t.size(); k++) {
            if (t.any(k, mask(SYSTEM, ROLE_LABEL))) {
                roleMarker(t, k, out);
            }
            if (t.is(k, END) && set(t, k)) {
                int framed = t.next(k, FRAMED, 3);
                if (framed >= 0) {
                    out.add(InjectionSignal.FAKE_DELIMITER, t.start(k), t.end(framed), 0.7);
                }
            }
            if (t.is(k, BEGIN) && set(t, k) && t.next(k, mask(NEW, SYSTEM, AUTHORITY), 2) >= 0) {
                int framed = t.next(k, mask(PROMPT, INSTR), 3);
                if (framed >= 0) {
                    out.add(InjectionSignal.FAKE_DELIMITER, t.start(k), t.end(framed), 0.7);
                }
            }
            if (t.is(k, OVERRIDE) && t.flag(k, TokenTable.UPPER)) {
                overrideHeader(t, k, out);
            }
        }
    }

    /**
     * "OVERRIDE:", "[OVERRIDE]", and stronger with a claimed source: "SYSTEM OVERRIDE:", "[ADMIN OVERRIDE
     * ACTIVATED]", "DEVELOPER ... OVERRIDE:".
     */
    private static void overrideHeader(TokenTable t, int k, Evidence out) {
        int source = t.prev(k, mask(SYSTEM, AUTHORITY, MODE_ADJ), 3);
        boolean claimed = source >= 0 && t.flag(source, TokenTable.UPPER);
        int from = claimed ? source : k;
        boolean header = OPENERS.indexOf(t.before(from)) >= 0 || CLOSERS.indexOf(t.after(k)) >= 0
                || (t.at(k, MODE_ON.bit(), 1) >= 0 && CLOSERS.indexOf(t.after(t.at(k, MODE_ON.bit(), 1))) >= 0);
        if (header) {
            out.add(InjectionSignal.FAKE_DELIMITER, t.start(from), t.end(k) + 1, claimed ? 1.0 : 0.6);
        }
    }

    /** Set apart as a delimiter: upper case, or framed by markup characters. */
    private static boolean set(TokenTable t, int k) {
        return t.flag(k, TokenTable.UPPER) || "-=#*[<|_".indexOf(t.before(k)) >= 0 && t.before(k) != 0;
    }

    private static void roleMarker(TokenTable t, int k, Evidence out) {
        boolean system = t.is(k, SYSTEM);
        int label = t.is(k, SYSTEM) ? t.at(k, mask(PROMPT, INSTR), 1) : -1;
        int last = label >= 0 ? label : k;
        boolean prefix = t.flag(k, TokenTable.LINE_START) && t.after(last) == ':';
        boolean heading = t.flag(k, TokenTable.LINE_START) && t.flag(k, TokenTable.LINE_MARKUP)
                && (t.before(k) == '#' || t.before(k) == '[' || t.before(k) == '<');
        boolean tag = (OPENERS.indexOf(t.before(k)) >= 0 || t.before(k) == '/') && CLOSERS.indexOf(t.after(last)) >= 0;
        if (prefix || heading || tag) {
            out.add(InjectionSignal.ROLE_MARKER, t.start(k), t.end(last) + 1, system ? 0.6 : 0.4);
        }
    }
}
