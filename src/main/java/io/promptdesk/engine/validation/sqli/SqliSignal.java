package io.promptdesk.engine.validation.sqli;

/** The kinds of evidence the SQL-injection detector reports, with their stable signal names. */
enum SqliSignal {
    UNION_SELECT("union_select"),
    TAUTOLOGY("tautology"),
    BOOLEAN_PROBE("boolean_probe"),
    QUOTE_BREAKOUT("quote_breakout"),
    PAREN_BREAKOUT("paren_breakout"),
    COMMENT_TRUNCATION("comment_truncation"),
    STACKED_QUERY("stacked_query"),
    SCHEMA_CHANGE("schema_change"),
    TIME_DELAY("time_delay"),
    DANGEROUS_CALL("dangerous_call"),
    FILE_ACCESS("file_access"),
    CHAR_ENCODING("char_encoding"),
    HEX_LITERAL("hex_literal"),
    BLIND_EXTRACTION("blind_extraction"),
    SYSTEM_OBJECT("system_object"),
    SELECT_STATEMENT("select_statement"),
    COLUMN_PROBE("column_probe"),
    COMMENT_OBFUSCATION("comment_obfuscation"),
    ENCODED_INPUT("encoded_input");

    private final String signalName;

    SqliSignal(String signalName) {
        this.signalName = signalName;
    }

    String signalName() {
        return signalName;
    }
}
