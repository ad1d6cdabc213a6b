package io.promptdesk.engine.validation.injection;

/**
 * Finds the longest run of a token or short phrase (up to four tokens) repeated over and over, the
 * "repeated token" attack that pushes a model off its instructions. Fed token hashes in order; O(1) a token.
 */
final class RepeatTracker {

    /** Tokens in a repeat that make it a signal. */
    static final int MIN_RUN = 32;
    private static final int MAX_PERIOD = 4;

    private final int[] ringHash = new int[8];
    private final int[] ringStart = new int[8];
    private final int[] run = new int[MAX_PERIOD + 1];
    private final int[] runStart = new int[MAX_PERIOD + 1];
    private int count;
    private int best;
    private int bestStart;
    private int bestEnd;

    void token(int hash, int start, int end) {
        for (int p = 1; p <= MAX_PERIOD; p++) {
            if (count >= p && ringHash[(count - p) & 7] == hash) {
                if (++run[p] == 1) {
                    runStart[p] = ringStart[(count - p) & 7];
                }
                if (run[p] > best) {
                    best = run[p];
                    bestStart = runStart[p];
                    bestEnd = end;
                }
            } else {
                run[p] = 0;
            }
        }
        ringHash[count & 7] = hash;
        ringStart[count & 7] = start;
        count++;
    }

    /** Reports the longest repeat if it is long enough. */
    void report(Evidence evidence) {
        if (best >= MIN_RUN) {
            evidence.add(InjectionSignal.REPEATED_TOKENS, bestStart, bestEnd, 1.0);
        }
    }
}
