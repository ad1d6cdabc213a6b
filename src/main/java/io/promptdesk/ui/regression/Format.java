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

    static String p(double p) {
        return p < 1e-4 && p > 0 ? String.format(Locale.ROOT, "%.2g", p) : num(p);
    }

    static String percent(double level) {
        return num(level * 100) + "%";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
