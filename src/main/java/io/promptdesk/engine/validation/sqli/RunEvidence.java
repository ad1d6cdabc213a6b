package io.promptdesk.engine.validation.sqli;

/**
 * What the judge found in one lexed run: for each signal kind the strongest weight and the token span that
 * earned it. The run's score is the sum over kinds, so independent evidence adds up while repeats do not.
 */
final class RunEvidence {

    private static final int KINDS = SqliSignal.values().length;

    private final TokenList tokens;
    private final double[] weights = new double[KINDS];
    private final int[] firstToken = new int[KINDS];
    private final int[] endToken = new int[KINDS];

    RunEvidence(TokenList tokens) {
        this.tokens = tokens;
    }

    TokenList tokens() {
        return tokens;
    }

    /** Records evidence over tokens {@code [from, to)}, keeping the strongest per kind. */
    void add(SqliSignal kind, double weight, int from, int to) {
        int k = kind.ordinal();
        if (weight > weights[k]) {
            weights[k] = Math.min(1.0, weight);
            firstToken[k] = Math.max(0, from);
            endToken[k] = Math.max(from + 1, Math.min(to, tokens.size()));
        }
    }

    double weight(SqliSignal kind) {
        return weights[kind.ordinal()];
    }

    int firstToken(SqliSignal kind) {
        return firstToken[kind.ordinal()];
    }

    int endToken(SqliSignal kind) {
        return endToken[kind.ordinal()];
    }

    double score() {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }
}
