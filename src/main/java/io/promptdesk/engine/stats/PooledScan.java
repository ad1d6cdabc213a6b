package io.promptdesk.engine.stats;

/**
 * One merge walk over the two sorted groups that yields everything the rank and distribution tests need: the
 * rank sum of current with average ranks for ties (Mann-Whitney), the tie sizes (its variance correction), and
 * the largest gaps between the two empirical distribution functions (Kolmogorov-Smirnov). This replaces the
 * pooled sort SciPy does for ranking and the second one it does for KS.
 *
 * @param twiceRankSumCurrent twice the rank sum of current, exact in a long (ranks are halves when tied)
 * @param tieTerm             sum of t^3 - t over tie groups of the pooled sample
 * @param maxTieGroup         size of the largest group of equal values
 * @param ksMax               largest ECDF(current) - ECDF(baseline)
 * @param ksMaxLocation       the value where it occurs (SciPy's first occurrence in sorted current, then baseline)
 * @param ksMin               smallest ECDF(current) - ECDF(baseline), at most 0
 * @param ksMinLocation       the value where it occurs
 */
record PooledScan(int nCurrent, int nBaseline, long twiceRankSumCurrent, double tieTerm, int maxTieGroup,
                  double ksMax, double ksMaxLocation, double ksMin, double ksMinLocation) {

    static PooledScan of(SortedSample current, SortedSample baseline) {
        double[] c = current.array();
        double[] b = baseline.array();
        int i = current.from();
        int iEnd = current.to();
        int j = baseline.from();
        int jEnd = baseline.to();
        int nc = current.size();
        int nb = baseline.size();
        long rank = 0;
        long twiceRankSum = 0;
        double tieTerm = 0;
        int maxTie = 0;
        double max = Double.NEGATIVE_INFINITY;
        double maxAt = Double.NaN;
        boolean maxAtInCurrent = false;
        double min = Double.POSITIVE_INFINITY;
        double minAt = Double.NaN;
        boolean minAtInCurrent = false;
        while (i < iEnd || j < jEnd) {
            double v = i < iEnd && (j >= jEnd || c[i] <= b[j]) ? c[i] : b[j];
            int startI = i;
            while (i < iEnd && c[i] == v) {
                i++;
            }
            int startJ = j;
            while (j < jEnd && b[j] == v) {
                j++;
            }
            long inCurrent = i - startI;
            long t = inCurrent + (j - startJ);
            // the tied values share ranks rank+1 .. rank+t, whose mean is rank + (t + 1) / 2
            twiceRankSum += inCurrent * (2 * rank + t + 1);
            if (t > 1) {
                tieTerm += (double) t * t * t - t;
            }
            maxTie = (int) Math.max(maxTie, t);
            rank += t;
            // SciPy: searchsorted(side='right') / n, subtracted in floating point, compared exactly
            double diff = (double) (i - current.from()) / nc - (double) (j - baseline.from()) / nb;
            boolean here = inCurrent > 0;
            // np.argmax/argmin take the first hit in concat(sorted current, sorted baseline)
            if (diff > max) {
                max = diff;
                maxAt = v;
                maxAtInCurrent = here;
            } else if (diff == max && here && !maxAtInCurrent) {
                maxAt = v;
                maxAtInCurrent = true;
            }
            if (diff < min) {
                min = diff;
                minAt = v;
                minAtInCurrent = here;
            } else if (diff == min && here && !minAtInCurrent) {
                minAt = v;
                minAtInCurrent = true;
            }
        }
        return new PooledScan(nc, nb, twiceRankSum, tieTerm, maxTie, max, maxAt, min, minAt);
    }

    boolean hasTies() {
        return maxTieGroup > 1;
    }

    /** SciPy's U of current: its rank sum minus n(n+1)/2, i.e. #(c &gt; b) + #(c = b) / 2. */
    double uCurrent() {
        return (twiceRankSumCurrent - (long) nCurrent * (nCurrent + 1)) / 2.0;
    }

    double uBaseline() {
        return (double) nCurrent * nBaseline - uCurrent();
    }
}
