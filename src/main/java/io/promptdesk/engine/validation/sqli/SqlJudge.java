package io.promptdesk.engine.validation.sqli;

/**
 * Judges one lexed run by patterns over its tokens. Rules add weighted evidence; the run's score is the sum
 * of the strongest evidence of each kind, and a score of {@link #THRESHOLD} or more means injection.
 */
final class SqlJudge {

    static final double THRESHOLD = 1.0;
    /** Grammar steps allowed per run: bounds the work a hostile input can cause. */
    private static final int BUDGET = 20_000;

    private final ExpressionRules expressions = new ExpressionRules();
    private final StatementRules statements = new StatementRules();
    private final FunctionRules functions = new FunctionRules();

    RunEvidence judge(TokenList tokens) {
        RunEvidence ev = new RunEvidence(tokens);
        if (tokens.size() == 0) {
            return ev;
        }
        SqlGrammar grammar = new SqlGrammar(tokens, BUDGET);
        statements.apply(tokens, grammar, ev);
        expressions.apply(tokens, grammar, ev);
        functions.apply(tokens, grammar, ev);
        return ev;
    }
}
