package io.promptdesk.engine.validation.sqli;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import io.promptdesk.engine.validation.TextDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * Detects SQL injection in a text the way libinjection does - by lexing SQL and judging the token pattern -
 * rather than by matching regular expressions. Steps:
 * <ol>
 *   <li>a one-pass gate clears ordinary prose without lexing;</li>
 *   <li>the text is read in bounded windows, each also decoded (URL, HTML, escapes, split keywords);</li>
 *   <li>each reading is lexed once from its start and once after each quote at a word edge, as the input may
 *       begin inside a string the target query opened;</li>
 *   <li>rules over each token run add weighted evidence; a run scoring 1.0 or more is an injection.</li>
 * </ol>
 * Work is linear in the input and capped - at most 64 suspicious 8 KB windows (about half a megabyte) are
 * analysed, each with at most 16 quote runs of 1 KB and a bounded grammar budget - so any string, however long
 * or hostile, finishes quickly. Immutable and thread-safe.
 */
public final class SqlInjectionDetector implements TextDetector {

    private static final int WINDOW = 8192;
    private static final int OVERLAP = 512;
    private static final int MAX_WINDOWS = 64;
    private static final int MAX_QUOTE_RUNS = 16;
    private static final int QUOTE_RUN_LENGTH = 1024;
    private static final int EVIDENCE_LENGTH = 80;

    private final SqlGate gate = new SqlGate();
    private final PayloadDecoder decoder = new PayloadDecoder();
    private final SqlLexer lexer = new SqlLexer();
    private final BreakoutQuotes breakoutQuotes = new BreakoutQuotes();
    private final TokenFolder folder = new TokenFolder();
    private final SqlJudge judge = new SqlJudge();

    public SqlInjectionDetector() {
        // all parts are stateless; nothing to configure
    }

    @Override
    public Detection scan(String text) {
        if (text == null || text.isEmpty()) {
            return Detection.CLEAN;
        }
        Best best = new Best();
        int analysed = 0;
        for (int start = 0; start < text.length() && analysed < MAX_WINDOWS; start += WINDOW - OVERLAP) {
            int end = Math.min(text.length(), start + WINDOW);
            if (gate.suspicious(text, start, end)) {
                analysed++;
                analyseWindow(text, start, end, best);
                if (best.flagged()) {
                    break;
                }
            }
            if (end == text.length()) {
                break;
            }
        }
        return best.evidence == null ? Detection.CLEAN : best.toDetection();
    }

    private void analyseWindow(String text, int start, int end, Best best) {
        analyseReading(text, start, end, null, best);
        if (best.flagged()) {
            return;
        }
        for (DecodedView view : decoder.decode(text, start, end)) {
            if (gate.suspicious(view.text(), 0, view.text().length())) {
                analyseReading(view.text(), 0, view.text().length(), view, best);
                if (best.flagged()) {
                    return;
                }
            }
        }
    }

    /** Lexes and judges one reading: from its start, then after each quote that could close a string. */
    private void analyseReading(String s, int from, int to, DecodedView view, Best best) {
        consider(lexer.lex(s, from, to, false), view, best);
        int[] quotes = new int[MAX_QUOTE_RUNS];
        int count = breakoutQuotes.find(s, from, to, quotes);
        for (int k = 0; k < count && !best.flagged(); k++) {
            consider(lexer.lex(s, quotes[k], Math.min(to, quotes[k] + QUOTE_RUN_LENGTH), true), view, best);
        }
    }

    private void consider(TokenList tokens, DecodedView view, Best best) {
        folder.fold(tokens);
        RunEvidence ev = judge.judge(tokens);
        double score = ev.score();
        if (score > best.score) {
            best.score = score;
            best.evidence = ev;
            best.view = view;
        }
    }

    /** The best-scoring run so far. Confined to one scan call. */
    private static final class Best {
        double score;
        RunEvidence evidence;
        DecodedView view;

        boolean flagged() {
            return score >= SqlJudge.THRESHOLD;
        }

        Detection toDetection() {
            List<Signal> signals = new ArrayList<>();
            TokenList t = evidence.tokens();
            for (SqliSignal kind : SqliSignal.values()) {
                double w = evidence.weight(kind);
                if (w <= 0) {
                    continue;
                }
                int from = t.start(evidence.firstToken(kind));
                int to = t.end(evidence.endToken(kind) - 1);
                signals.add(signal(kind.signalName(), t.text(), from, Math.max(from + 1, to), w));
            }
            signals.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            if (view != null && !signals.isEmpty()) {
                Signal first = signals.get(0);
                signals.add(new Signal(SqliSignal.ENCODED_INPUT.signalName(), first.offset(), first.length(),
                        view.layers(), 0.0));
            }
            return new Detection(flagged(), Math.min(1.0, score), signals);
        }

        private Signal signal(String name, String text, int from, int to, double weight) {
            int offset = view == null ? from : view.originOf(from);
            int endOffset = view == null ? to : view.originOf(to - 1) + 1;
            return new Signal(name, offset, Math.max(1, endOffset - offset), shorten(text, from, to), weight);
        }
    }

    private static String shorten(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(Math.min(EVIDENCE_LENGTH + 3, to - from));
        boolean blank = false;
        for (int i = from; i < to && sb.length() < EVIDENCE_LENGTH; i++) {
            char c = text.charAt(i);
            if (SqlLexer.isBlank(c)) {
                blank = true;
                continue;
            }
            if (blank && sb.length() > 0) {
                sb.append(' ');
            }
            blank = false;
            sb.append(c);
        }
        if (sb.length() >= EVIDENCE_LENGTH) {
            sb.append("...");
        }
        return sb.toString();
    }
}
