package io.promptdesk.engine.stats;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One merge walk over the two sorted groups that yields everything the rank and distribution tests need: the
 * rank sum of current with average ranks for ties (Mann-Whitney), the tie sizes (its variance correction), and
 * the largest gaps between the two empirical distribution functions (Kolmogorov-Smirnov). This replaces the
 * pooled sort SciPy does for ranking and the second one it does for KS. Large inputs are walked in two halves,
 * split at a value, on two threads.
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

    /** Below this many values in all, one thread walks everything. */
    static final int PARALLEL_THRESHOLD = 1 << 20;

    static PooledScan of(SortedSample current, SortedSample baseline) {
        return of(current, baseline, null);
    }

    static PooledScan of(SortedSample current, SortedSample baseline, Executor executor) {
        int nc = current.size();
        int nb = baseline.size();
        Partial whole;
        if (executor == null || (long) nc + nb < PARALLEL_THRESHOLD || nc == 0) {
            whole = walk(current, baseline, current.from(), current.to(), baseline.from(), baseline.to());
        } else {
            // split at a value so that no tie group straddles the halves
            double split = current.get(nc / 2);
            int ci = lowerBound(current, split);
            int bj = lowerBound(baseline, split);
            CompletableFuture<Partial> upper = CompletableFuture.supplyAsync(
                    () -> walk(current, baseline, ci, current.to(), bj, baseline.to()), executor);
            Partial lower = walk(current, baseline, current.from(), ci, baseline.from(), bj);
            whole = lower.then(upper.join());
        }
        return new PooledScan(nc, nb, whole.twiceRankSum, whole.tieTerm, whole.maxTie, whole.max, whole.maxAt,
                whole.min, whole.minAt);
    }

    /** Walks c[i0, i1) and b[j0, j1), which must hold every value of a range; ranks continue from before i0, j0. */
    private static Partial walk(SortedSample current, SortedSample baseline, int i0, int i1, int j0, int j1) {
        double[] c = current.array();
        double[] b = baseline.array();
        double nc = current.size();
        double nb = baseline.size();
        int i = i0;
        int j = j0;
        long rank = (long) (i0 - current.from()) + (j0 - baseline.from());
        Partial p = new Partial();
        while (i < i1 || j < j1) {
            double v = i < i1 && (j >= j1 || c[i] <= b[j]) ? c[i] : b[j];
            int startI = i;
            while (i < i1 && c[i] == v) {
                i++;
            }
            int startJ = j;
            while (j < j1 && b[j] == v) {
                j++;
            }
            long inCurrent = i - startI;
            long t = inCurrent + (j - startJ);
            // the tied values share ranks rank+1 .. rank+t, whose mean is rank + (t + 1) / 2
            p.twiceRankSum += inCurrent * (2 * rank + t + 1);
            if (t > 1) {
                p.tieTerm += (double) t * t * t - t;
            }
            p.maxTie = (int) Math.max(p.maxTie, t);
            rank += t;
            // SciPy: searchsorted(side='right') / n, subtracted in floating point, compared exactly
            double diff = (i - current.from()) / nc - (j - baseline.from()) / nb;
            p.observe(diff, v, inCurrent > 0);
        }
        return p;
    }

    private static int lowerBound(SortedSample s, double x) {
        double[] a = s.array();
        int lo = s.from();
        int hi = s.to();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < x) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
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

    /** The sums and extremes of one value range. */
    private static final class Partial {
        long twiceRankSum;
        double tieTerm;
        int maxTie;
        double max = Double.NEGATIVE_INFINITY;
        double maxAt = Double.NaN;
        boolean maxAtInCurrent;
        double min = Double.POSITIVE_INFINITY;
        double minAt = Double.NaN;
        boolean minAtInCurrent;

        /** np.argmax/argmin take the first hit in concat(sorted current, sorted baseline). */
        void observe(double diff, double v, boolean inCurrent) {
            if (diff > max) {
                max = diff;
                maxAt = v;
                maxAtInCurrent = inCurrent;
            } else if (diff == max && inCurrent && !maxAtInCurrent) {
                maxAt = v;
                maxAtInCurrent = true;
            }
            if (diff < min) {
                min = diff;
                minAt = v;
                minAtInCurrent = inCurrent;
            } else if (diff == min && inCurrent && !minAtInCurrent) {
                minAt = v;
                minAtInCurrent = true;
            }
        }

        /** This range followed by the next one. */
        Partial then(Partial next) {
            twiceRankSum += next.twiceRankSum;
            tieTerm += next.tieTerm;
            maxTie = Math.max(maxTie, next.maxTie);
            if (next.max > max || (next.max == max && next.maxAtInCurrent && !maxAtInCurrent)) {
                max = next.max;
                maxAt = next.maxAt;
                maxAtInCurrent = next.maxAtInCurrent;
            }
            if (next.min < min || (next.min == min && next.minAtInCurrent && !minAtInCurrent)) {
                min = next.min;
                minAt = next.minAt;
                minAtInCurrent = next.minAtInCurrent;
            }
            return this;
        }
    }

    /** Remembers the last scan, so the verdict and the comparison of one {@code analyse} call share it. */
    static final class Cache {
        private final Executor executor;
        private SortedSample current;
        private SortedSample baseline;
        private PooledScan scan;

        Cache(Executor executor) {
            this.executor = executor;
        }

        PooledScan of(SortedSample c, SortedSample b) {
            if (c != current || b != baseline) {
                scan = PooledScan.of(c, b, executor);
                current = c;
                baseline = b;
            }
            return scan;
        }
    }
}
