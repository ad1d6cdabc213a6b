#!/usr/bin/python3
"""Writes SciPy's kstwo.sf(x, n) and smirnov(n, x) on a grid that reaches every branch of SciPy's _kolmogn
(Ruben-Gambino, Durbin matrix, Pomeranz, 2*smirnov, Pelz-Good, the n > 1e6 Smirnov approximation).
Output: src/test/resources/io/promptdesk/engine/stats/kstwo-scipy.csv (n,x,kstwo_sf,smirnov_sf)."""
import sys
from scipy import stats, special

ns = [1, 2, 3, 5, 8, 10, 20, 50, 100, 140, 141, 500, 1000, 5000, 20000, 100000, 100001, 1000000, 1000001, 5000000]
xs = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.95]
out = sys.stdout
out.write("n,x,kstwo_sf,smirnov_sf\n")
for n in ns:
    for x in xs + [0.6 / n, 1.0 / n, 1.5 / n, 3.0 / n, 1 - 1.5 / n]:
        if not 0 < x < 1:
            continue
        out.write(f"{n},{x!r},{stats.kstwo.sf(x, n)!r},{special.smirnov(n, x)!r}\n")
