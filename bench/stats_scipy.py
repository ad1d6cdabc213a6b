#!/usr/bin/python3
"""SciPy side of bench/stats-vs-scipy.sh.

  stats_scipy.py generate N DIR SEED   write DIR/baseline_N.f64, DIR/current_N.f64 (raw float64) and, for
                                       N <= 1e6, DIR/baseline_N.txt, DIR/current_N.txt (one number per line)
  stats_scipy.py four BASE CUR RUNS    median ms of Welch t + Mann-Whitney + KS + summary statistics on raw files
                                       (after a warm-up call), printed as scipy_ms=...
  stats_scipy.py regress BASE CUR      what `promptdesk regress` does, from text files with NumPy: load, Welch t,
                                       Mann-Whitney, summary statistics; prints the JSON-ish verdict
"""
import sys
import time

import numpy as np
from scipy import stats


def summary(x):
    return dict(mean=np.mean(x), std=np.std(x, ddof=1), median=np.median(x), min=np.min(x), max=np.max(x))


def four(b, c):
    t = stats.ttest_ind(c, b, equal_var=False)
    u = stats.mannwhitneyu(c, b)
    k = stats.ks_2samp(c, b)
    return t, u, k, summary(b), summary(c)


def main():
    cmd = sys.argv[1]
    if cmd == "generate":
        n, out, seed = int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
        rng = np.random.default_rng(seed)
        b = rng.normal(100.0, 10.0, n)
        c = rng.normal(100.5, 10.0, n)
        b.astype("<f8").tofile(f"{out}/baseline_{n}.f64")
        c.astype("<f8").tofile(f"{out}/current_{n}.f64")
        if n <= 1_000_000:
            np.savetxt(f"{out}/baseline_{n}.txt", b, fmt="%.17g")
            np.savetxt(f"{out}/current_{n}.txt", c, fmt="%.17g")
    elif cmd == "four":
        b = np.fromfile(sys.argv[2], dtype="<f8")
        c = np.fromfile(sys.argv[3], dtype="<f8")
        runs = int(sys.argv[4])
        four(b[:1000], c[:1000])
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            four(b, c)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"scipy_ms={sorted(times)[len(times) // 2]:.1f}")
    elif cmd == "regress":
        b = np.loadtxt(sys.argv[2])
        c = np.loadtxt(sys.argv[3])
        t = stats.ttest_ind(c, b, equal_var=False)
        u = stats.mannwhitneyu(c, b)
        print({"t": t.statistic, "t_p": t.pvalue, "u": u.statistic, "u_p": u.pvalue,
               "baseline": summary(b), "current": summary(c)})


if __name__ == "__main__":
    main()
