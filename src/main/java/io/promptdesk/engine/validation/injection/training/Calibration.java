package io.promptdesk.engine.validation.injection.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibration of the classifier's margins: Platt's sigmoid, and the lowest probability threshold at which the
 * benign texts, judged out of fold, are flagged no more than the targets allow.
 */
final class Calibration {

    private Calibration() {
    }

    static double threshold(List<Row> rows, double[] margins, double[] ab, InjectionModelTrainer.Options o) {
        for (int step = 500; step < 1000; step++) {
            double t = step / 1000.0;
            int benign = 0;
            int flagged = 0;
            Map<String, int[]> per = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).injection()) {
                    continue;
                }
                double prob = 1.0 / (1.0 + Math.exp(ab[0] * margins[i] + ab[1]));
                boolean f = prob >= t;
                benign++;
                flagged += f ? 1 : 0;
                int[] c = per.computeIfAbsent(rows.get(i).source(), k -> new int[2]);
                c[0]++;
                c[1] += f ? 1 : 0;
            }
            boolean ok = benign == 0 || (double) flagged / benign <= o.calibFpr();
            for (int[] c : per.values()) {
                ok &= c[0] < 20 || (double) c[1] / c[0] <= o.sourceFpr();
            }
            if (ok) {
                return t;
            }
        }
        return 0.999;
    }

    /** Platt's sigmoid fit (Lin, Lin and Weng's Newton method with backtracking), smoothed targets. */
    static double[] platt(double[] f, boolean[] y) {
        int prior1 = 0;
        for (boolean b : y) {
            prior1 += b ? 1 : 0;
        }
        int prior0 = y.length - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1.0 / (prior0 + 2.0);
        double[] t = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            t[i] = y[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            fval += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
        }
        for (int it = 0; it < 100; it++) {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < f.length; i++) {
                double fApB = f[i] * a + b;
                double p, q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = 0;
                for (int i = 0; i < f.length; i++) {
                    double fApB = f[i] * na + nb;
                    nf += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
                }
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[]{a, b};
    }
}
