package io.promptdesk.engine.validation.injection;

/**
 * Character-level checks the token scanner triggers at '&lt;', '[' and '!': model control tokens
 * (&lt;|im_start|&gt;, [INST], &lt;&lt;SYS&gt;&gt;, &lt;start_of_turn&gt;) and images that would send data to a
 * remote URL when rendered (![x](https://host/?q=...), &lt;img src="https://host/?d=..."&gt;). Each check reads a
 * bounded stretch after its trigger, and a stretch is not read twice, so the work stays linear.
 */
final class MarkupScanner {

    private static final int MAX_SPECIAL = 40;
    private static final int MAX_ALT = 300;
    private static final int MAX_URL = 2048;
    private static final String[] LITERAL_TOKENS = {
        "[inst]", "[/inst]", "<<sys>>", "<</sys>>", "<start_of_turn>", "<end_of_turn>", "</s>"};
    private static final String[] DATA_PARAMS = {
        "data", "d", "q", "query", "secret", "password", "pw", "pwd", "key", "token", "info", "content", "conv",
        "conversation", "chat", "history", "msg", "message", "memo", "prompt", "p", "text", "user", "email", "s",
        "payload", "exfil", "leak", "c", "m", "x", "v", "value"};

    private final String text;
    private final Evidence evidence;
    private int readUpTo;

    MarkupScanner(String text, Evidence evidence) {
        this.text = text;
        this.evidence = evidence;
    }

    /** Called with the position of each '&lt;', '[' or '!' in the text. */
    void at(int i, char c) {
        if (c == '<' || c == '[') {
            specialToken(i);
        }
        if (i < readUpTo) {
            return;
        }
        if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
            markdownImage(i);
        } else if (c == '<' && text.regionMatches(true, i, "<img", 0, 4)) {
            htmlImage(i);
        }
    }

    private void specialToken(int i) {
        if (text.startsWith("<|", i)) {
            int limit = Math.min(text.length() - 1, i + MAX_SPECIAL);
            for (int j = i + 2; j < limit; j++) {
                char ch = text.charAt(j);
                if (ch == '|' && text.charAt(j + 1) == '>' && j > i + 2) {
                    evidence.add(InjectionSignal.CHAT_ROLE_TOKEN, i, j + 2, 1.0);
                    return;
                }
                if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == ':')) {
                    return;
                }
            }
            return;
        }
        for (String s : LITERAL_TOKENS) {
            if (text.regionMatches(true, i, s, 0, s.length())) {
                evidence.add(InjectionSignal.CHAT_ROLE_TOKEN, i, i + s.length(), s.equals("</s>") ? 0.5 : 1.0);
                return;
            }
        }
    }

    private void markdownImage(int i) {
        int close = indexOf("](", i + 2, i + 2 + MAX_ALT);
        if (close < 0) {
            readUpTo = Math.min(text.length(), i + 2 + MAX_ALT);
            return;
        }
        int urlStart = close + 2;
        while (urlStart < text.length() && Character.isWhitespace(text.charAt(urlStart))) {
            urlStart++;
        }
        int urlEnd = urlStart;
        int limit = Math.min(text.length(), urlStart + MAX_URL);
        while (urlEnd < limit && text.charAt(urlEnd) != ')' && !Character.isWhitespace(text.charAt(urlEnd))) {
            urlEnd++;
        }
        readUpTo = urlEnd;
        url(i, urlStart, urlEnd, Math.min(text.length(), urlEnd + 1));
    }

    private void htmlImage(int i) {
        int tagEnd = indexOf(">", i, i + MAX_URL);
        int end = tagEnd < 0 ? Math.min(text.length(), i + MAX_URL) : tagEnd;
        readUpTo = end;
        int src = indexOfIgnoreCase("src=", i, end);
        if (src < 0) {
            return;
        }
        int urlStart = src + 4;
        if (urlStart < end && (text.charAt(urlStart) == '"' || text.charAt(urlStart) == '\'')) {
            urlStart++;
        }
        int urlEnd = urlStart;
        while (urlEnd < end && text.charAt(urlEnd) != '"' && text.charAt(urlEnd) != '\''
                && !Character.isWhitespace(text.charAt(urlEnd))) {
            urlEnd++;
        }
        url(i, urlStart, urlEnd, Math.min(text.length(), end + 1));
    }

    /** Weighs a remote image URL: a query that carries data or a placeholder for it is exfiltration. */
    private void url(int markStart, int urlStart, int urlEnd, int markEnd) {
        String url = text.substring(urlStart, urlEnd);
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//"))) {
            return;
        }
        int q = url.indexOf('?');
        if (q < 0 || url.indexOf('=', q) < 0) {
            return;
        }
        boolean placeholder = url.indexOf('{', q) >= 0 || url.indexOf('[', q) >= 0 || url.indexOf('<', q) >= 0
                || url.indexOf('$', q) >= 0 || lower.indexOf("%7b", q) >= 0;
        boolean dataParam = false;
        for (String param : lower.substring(q + 1).split("[&;]")) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            for (String d : DATA_PARAMS) {
                dataParam |= name.equals(d);
            }
        }
        evidence.add(InjectionSignal.MARKDOWN_EXFILTRATION, markStart, markEnd, placeholder || dataParam ? 1.0 : 0.5);
    }

    private int indexOf(String s, int from, int limit) {
        int last = Math.min(limit, text.length() - s.length() + 1);
        for (int j = from; j < last; j++) {
            if (text.startsWith(s, j)) {
                return j;
            }
        }
        return -1;
    }

    private int indexOfIgnoreCase(String s, int from, int limit) {
        for (int j = from; j + s.length() <= limit; j++) {
            if (text.regionMatches(true, j, s, 0, s.length())) {
                return j;
            }
        }
        return -1;
    }
}
