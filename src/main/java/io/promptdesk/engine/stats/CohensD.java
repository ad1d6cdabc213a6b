package io.promptdesk.engine.stats;

/** Cohen's d with the pooled sample standard deviation (ddof 1), signed current minus baseline. */
final class CohensD {

    private CohensD() {
    }

    /** NaN when a group has fewer than two values (as SciPy's variance), infinite when both are constant. */
    static double of(SortedSample.Moments current, SortedSample.Moments baseline) {
        if (current.n() < 2 || baseline.n() < 2) {
            return Double.NaN;
        }
        return (current.shiftedMean() - baseline.shiftedMean()) / pooledSd(current, baseline);
    }

    static double pooledSd(SortedSample.Moments current, SortedSample.Moments baseline) {
        return Math.sqrt((current.sumSquares() + baseline.sumSquares()) / (current.n() + baseline.n() - 2));
    }
}
