package io.promptdesk.ui.regression;

import java.util.Locale;

/** Numbers as the verdict panel shows them: four significant digits, small p-values in scientific notation. */
final class Format {

    private Format() {
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "undefined" : (v > 0 ? "infinite" : "-infinite");
        }
        if (Math.abs(v) >= 1e4 && Math.abs(v) < 1e15) {
            // Large counts and statistics (U, sample sizes) read better whole, with separators.
            return String.format(Locale.ROOT, v == Math.rint(v) ? "%,.0f" : "%,.1f", v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** With an explicit sign, for differences. */
    static String signed(double v) {
        return v > 0 ? "+" + num(v) : num(v);
    }

    /** A p-value; exactly 0 means it underflowed the doubles, which is what the person should read. */
    static String p(double p) {
        if (p == 0) {
            return "< 1e-308";
        }
        return p < 1e-4 && p > 0 ? String.format(Locale.ROOT, "%.2g", p) : num(p);
    }

    /** "p = 0.003", or "p < 1e-308" when it underflowed. */
    static String pIs(double p) {
        return p == 0 ? "p " + p(p) : "p = " + p(p);
    }

    /** Axis ticks of counts: 250k, 1.5M. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return num(v / 1e6) + "M";
        }
        return a >= 1e4 ? num(v / 1e3) + "k" : num(v);
    }

    static String percent(double level) {
        return num(level * 100) + "%";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
