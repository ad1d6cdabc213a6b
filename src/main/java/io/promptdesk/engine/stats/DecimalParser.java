package io.promptdesk.engine.stats;

/**
 * Parses plain ASCII decimals ([+-]digits[.digits][(e|E)[+-]digits]) to the correctly rounded double, several
 * times faster than {@link Double#parseDouble} on the 17-digit numbers that round-trip formats write (the JDK
 * takes its big-number path for them). Up to 18 significant digits and 10^22: Clinger's exact path when the
 * digits fit in 53 bits; otherwise a division by 10^k whose exact residual (by fused multiply-add) proves the
 * rounding. Anything it cannot prove, or does not recognise, goes to {@link Double#parseDouble}.
 */
final class DecimalParser {

    private static final double[] POWERS = new double[23];
    private static final long TWO_53 = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private DecimalParser() {
    }

    /** The number in text[from, to), which must consist of the characters of a plain decimal. */
    static double parse(byte[] text, int from, int to) {
        double fast = tryFast(text, from, to);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        return Double.parseDouble(new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The value, or NaN when the fast path cannot decide (the caller then asks the JDK). */
    static double tryFast(byte[] s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s[i] == '-' || s[i] == '+')) {
            negative = s[i] == '-';
            i++;
        }
        long w = 0;
        int digits = 0;
        int scale = 0; // digits after the point
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            byte c = s[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (w == 0 && c == '0') {
                    if (point) {
                        scale++;
                    }
                    continue;
                }
                if (++digits > 18) {
                    return Double.NaN;
                }
                w = w * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to) {
            if (s[i] != 'e' && s[i] != 'E') {
                return Double.NaN;
            }
            i++;
            boolean negExp = false;
            if (i < to && (s[i] == '-' || s[i] == '+')) {
                negExp = s[i] == '-';
                i++;
            }
            if (i == to) {
                return Double.NaN;
            }
            for (; i < to; i++) {
                byte c = s[i];
                if (c < '0' || c > '9' || exponent > 10_000) {
                    return Double.NaN;
                }
                exponent = exponent * 10 + (c - '0');
            }
            exponent = negExp ? -exponent : exponent;
        }
        if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        int q = exponent - scale;
        double value = scaled(w, q);
        return negative ? -value : value;
    }

    private static double scaled(long w, int q) {
        if (q < -22 || q > 22) {
            return Double.NaN;
        }
        if (w <= TWO_53) {
            // both operands exact, so one rounding: the correct result
            return q >= 0 ? w * POWERS[q] : w / POWERS[-q];
        }
        if (q >= 0) {
            return Double.NaN;
        }
        double p = POWERS[-q];
        double hi = (double) w;
        double lo = (double) (w - (long) hi); // exact: |w - hi| <= 2^7 for w < 2^60
        double x0 = hi / p;
        double c = x0 + (Math.fma(-x0, p, hi) + lo) / p;
        // residual w - c p, exactly: fma's result is representable (5^22 < 2^52), then TwoSum with lo
        double e1 = Math.fma(-c, p, hi);
        double r = e1 + lo;
        double bb = r - e1;
        double err = (e1 - (r - bb)) + (lo - bb);
        double half = 0.5 * p * (r >= 0 ? Math.ulp(c) : Math.ulp(Math.nextDown(c)));
        // c is the rounding of w / p when the residual is clearly under half an ulp times p
        if (Math.abs(r) + Math.abs(err) < half * (1 - 0x1p-40)) {
            return c;
        }
        return Double.NaN;
    }
}
