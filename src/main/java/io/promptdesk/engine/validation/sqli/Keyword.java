package io.promptdesk.engine.validation.sqli;

/**
 * One entry of the SQL word table: the token type the word lexes to, plus flags the judge reads.
 * Instances are immutable and compared by identity.
 */
final class Keyword {

    /** May be called as a function when directly followed by '('. */
    static final int FUNCTION = 1;
    /** Function used to make the database wait (time-based blind injection). */
    static final int DELAY = 1 << 1;
    /** Function or object that reads files, runs commands or raises data-bearing errors. */
    static final int DANGEROUS = 1 << 2;
    /** Builds text from character codes or hex (CHAR, CHR, UNHEX, CONCAT ...). */
    static final int ENCODER = 1 << 3;
    /** Slices or measures values one piece at a time, as blind extraction does (ASCII, SUBSTRING ...). */
    static final int PROBE = 1 << 4;
    /** Names the server, its catalogue or the session (VERSION, DATABASE, INFORMATION_SCHEMA ...). */
    static final int SYSTEM = 1 << 5;
    /** Rare in prose: its mere presence makes a text worth lexing. */
    static final int ANCHOR = 1 << 6;
    /** Object word after DROP/CREATE/ALTER/TRUNCATE (TABLE, DATABASE ...). */
    static final int OBJECT = 1 << 7;
    /** First word of a two-word keyword ending in BY (ORDER, GROUP). */
    static final int BEFORE_BY = 1 << 8;

    private final String word;
    private final TokenType type;
    private final int flags;

    Keyword(String word, TokenType type, int flags) {
        this.word = word;
        this.type = type;
        this.flags = flags;
    }

    String word() {
        return word;
    }

    TokenType type() {
        return type;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    @Override
    public String toString() {
        return word;
    }
}
