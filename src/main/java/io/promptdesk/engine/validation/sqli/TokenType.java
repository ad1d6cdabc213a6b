package io.promptdesk.engine.validation.sqli;

/**
 * Token classes of the SQL lexer. Each has a one-character code in the spirit of libinjection's fingerprints,
 * so a token run can be shown as a short string such as {@code s&1=1c}.
 */
enum TokenType {
    /** Quoted literal; also the virtual string that an input starting inside quotes breaks out of. */
    STRING('s'),
    /** Number, hex/binary literal, or a constant word such as NULL, TRUE, \N. */
    NUMBER('1'),
    /** Identifier or ordinary word. */
    BAREWORD('n'),
    /** {@code @x}, {@code @@version}. */
    VARIABLE('v'),
    /** Known SQL function name directly followed by an opening parenthesis. */
    FUNCTION('f'),
    /** Other SQL keyword: FROM, WHERE, AS, TABLE, INTO, CASE ... */
    KEYWORD('k'),
    /** UNION, UNION ALL, INTERSECT, EXCEPT. */
    UNION('U'),
    /** Statement starter: SELECT, INSERT, DROP, EXEC, DECLARE ... */
    STATEMENT('E'),
    /** SQL Server procedural words: WAITFOR [DELAY|TIME], GOTO. */
    TSQL('T'),
    /** Clause that may follow an expression: ORDER BY, GROUP BY, HAVING, LIMIT, PROCEDURE. */
    CLAUSE('B'),
    /** AND, OR, XOR, &&, ||. */
    LOGIC('&'),
    /** Comparison: =, <, >, <>, !=, LIKE, RLIKE, REGEXP, IS [NOT], [NOT] IN, BETWEEN, SOUNDS LIKE. */
    COMPARE('='),
    /** Arithmetic or bitwise operator: + - * / % DIV MOD | & ^ << >> ~ ::. */
    ARITH('o'),
    /** Unary NOT or !. */
    NOT('!'),
    /** Data type name (VARCHAR, INT ...) used in CAST or DECLARE. */
    TYPE('t'),
    LPAREN('('),
    RPAREN(')'),
    COMMA(','),
    SEMICOLON(';'),
    DOT('.'),
    COLON(':'),
    /** A comment that ends the run (trailing), kept because it truncates the rest of a query. */
    COMMENT('c'),
    /** Anything else: stray punctuation or symbols that SQL does not use. */
    OTHER('x');

    private final char code;

    TokenType(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    /** Can this token stand as an operand in an expression. */
    boolean isOperand() {
        return this == STRING || this == NUMBER || this == BAREWORD || this == VARIABLE;
    }
}
