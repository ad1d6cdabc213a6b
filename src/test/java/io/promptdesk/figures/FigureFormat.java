package io.promptdesk.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Writes a figure the way README's table does: significant digits, thousands grouped, a unit that suits. */
final class FigureFormat {

    /** Time units from the largest, with their length in seconds. */
    private static final List<String> TIME_UNITS = List.of("s", "ms", "µs", "ns");
    private static final List<String> SHOWS = List.of("s", "ms", "µs", "us", "ns", "time", "count", "million", "plain");

    private FigureFormat() {
    }

    /** A measured number; a time is held in seconds. */
    record Figure(double value, boolean time) {
        static Figure seconds(double s) {
            return new Figure(s, true);
        }

        static Figure number(double v) {
            return new Figure(v, false);
        }
    }

    static void checkShow(String show) {
        if (!SHOWS.contains(show)) {
            throw new IllegalArgumentException("unknown show: " + show + "; one of " + SHOWS);
        }
    }

    /** Seconds in one {@code unit} (ns, us or µs, ms, s, min). */
    static double secondsPer(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown time unit: " + unit);
        };
    }

    static String format(Figure f, String show, int digits) {
        boolean timeShow = !List.of("count", "million", "plain").contains(show);
        if (timeShow != f.time()) {
            throw new IllegalArgumentException("cannot show " + (f.time() ? "a time" : "a number") + " as " + show);
        }
        return switch (show) {
            case "count" -> significant(f.value(), digits, true);
            case "million" -> significant(f.value() / 1e6, digits, true);
            case "plain" -> significant(f.value(), digits, false);
            case "time" -> autoTime(f.value(), digits);
            default -> {
                String unit = show.equals("us") ? "µs" : show;
                yield significant(f.value() / secondsPer(unit), digits, true) + " " + unit;
            }
        };
    }

    /** The largest unit in which the rounded figure is at least 1, so 0.9996 s is "1.0 s" and not "1,000 ms". */
    private static String autoTime(double seconds, int digits) {
        for (String unit : TIME_UNITS) {
            BigDecimal rounded = round(seconds / secondsPer(unit), digits);
            if (rounded.abs().compareTo(BigDecimal.ONE) >= 0 || unit.equals("ns")) {
                return significant(seconds / secondsPer(unit), digits, true) + " " + unit;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** {@code v} to {@code digits} significant digits, trailing zeros kept (3.00), whole digits never cut (166,000). */
    static String significant(double v, int digits, boolean group) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a figure: " + v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = round(v, digits);
        int exponent = rounded.precision() - rounded.scale() - 1;
        rounded = rounded.setScale(Math.max(0, digits - 1 - exponent), RoundingMode.HALF_UP);
        return group ? String.format(Locale.ROOT, "%,." + rounded.scale() + "f", rounded) : rounded.toPlainString();
    }

    private static BigDecimal round(double v, int digits) {
        return new BigDecimal(Double.toString(v)).round(new MathContext(digits, RoundingMode.HALF_UP));
    }
}
