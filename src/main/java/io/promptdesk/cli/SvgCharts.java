package io.promptdesk.cli;

import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report: drawn here, so the report needs no script, font or image. */
final class SvgCharts {
    static final String BASELINE_COLOUR = "#4c78a8";
    static final String CURRENT_COLOUR = "#f58518";
    private static final int W = 640;
    private static final int H = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    /** Room above the plot for the legend, so that the tallest bars never run under it. */
    private static final int TOP = 44;
    private static final int BOTTOM = 40;
    private static final int BINS = 20;

    private SvgCharts() {
    }

    /** Overlaid histograms of baseline and current per-case times (ms) on shared bins. */
    static String distributions(double[] baseline, double[] current) {
        double[] all = concat(baseline, current);
        if (all.length == 0) {
            return empty("no execution times");
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double lo = sorted[0];
        // A cold first case can be 100x the others: the last bin collects everything above the 95th percentile.
        double hi = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        if (hi - lo < 1e-9) {
            hi = sorted[sorted.length - 1];
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1;
        }
        int[] b = bins(baseline, lo, hi);
        int[] c = bins(current, lo, hi);
        int max = Math.max(1, Math.max(Arrays.stream(b).max().orElse(0), Arrays.stream(c).max().orElse(0)));
        StringBuilder s = open("Distribution of per-case execution times, baseline and current");
        axes(s, lo, hi, 0, max, "execution time (ms); the last bin holds slower cases too", "cases");
        bars(s, b, max, BASELINE_COLOUR);
        bars(s, c, max, CURRENT_COLOUR);
        legend(s, 0, BASELINE_COLOUR, "baseline (n " + baseline.length + ", mean " + fmt(mean(baseline)) + " ms)");
        legend(s, 1, CURRENT_COLOUR, "current (n " + current.length + ", mean " + fmt(mean(current)) + " ms)");
        return s.append("</svg>").toString();
    }

    /** Canary traffic over the rollout, one step per transition, the end marked by its status. */
    static String rolloutStages(List<RolloutEvent> events) {
        if (events.isEmpty()) {
            return empty("no rollout");
        }
        Instant t0 = events.get(0).at();
        Instant end = events.get(events.size() - 1).at();
        // A rollout that has only started gets a one-second axis, not one of a millisecond.
        long spanMs = Math.max(1000, Duration.between(t0, end).toMillis());
        // Seconds for short (or time-scaled) rollouts, minutes for real ones.
        double unit = spanMs < 120_000 ? 1000.0 : 60_000.0;
        double span = spanMs / unit;
        StringBuilder s = open("Canary traffic through the rollout stages");
        axes(s, 0, span, 0, 100, (unit == 1000.0 ? "seconds" : "minutes") + " since the rollout started (clock "
                + "time)", "% of traffic");
        StringBuilder path = new StringBuilder();
        double prevY = y(0, 100);
        for (int i = 0; i < events.size(); i++) {
            RolloutEvent e = events.get(i);
            double x = x(Duration.between(t0, e.at()).toMillis() / unit, 0, span);
            double yy = y(e.toPercentage(), 100);
            path.append(i == 0 ? "M" : " L").append(f(x)).append(',').append(f(prevY)).append(" L").append(f(x))
                    .append(',').append(f(yy));
            prevY = yy;
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(CURRENT_COLOUR)
                .append("\" stroke-width=\"2\"/>");
        for (RolloutEvent e : events) {
            double x = x(Duration.between(t0, e.at()).toMillis() / unit, 0, span);
            boolean bad = e.toStatus() == RolloutStatus.FAILED || e.toStatus() == RolloutStatus.ROLLED_BACK;
            s.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y(e.toPercentage(), 100)))
                    .append("\" r=\"4\" fill=\"").append(bad ? "#d62728" : BASELINE_COLOUR).append("\"><title>")
                    .append(HtmlText.escape(e.kind().toString().toLowerCase(java.util.Locale.ROOT) + ": " + e.toStatus().key() + " at " + e.toPercentage() + "% ("
                            + e.at() + ")")).append("</title></circle>");
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(W)
                .append(' ').append(H).append("\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\"><title>").append(HtmlText.escape(title)).append("</title>");
    }

    private static String empty(String text) {
        return open(text).append("<text x=\"").append(W / 2).append("\" y=\"").append(H / 2)
                .append("\" text-anchor=\"middle\" fill=\"#666\">").append(HtmlText.escape(text))
                .append("</text></svg>").toString();
    }

    private static void axes(StringBuilder s, double x0, double x1, double y0, double y1, String xLabel,
                             String yLabel) {
        int bottom = H - BOTTOM;
        s.append("<g stroke=\"#999\"><line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(W - RIGHT).append("\" y2=\"").append(bottom).append("\"/><line x1=\"").append(LEFT)
                .append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"").append(bottom)
                .append("\"/></g><g font-size=\"10\" fill=\"#444\">");
        for (int i = 0; i <= 4; i++) {
            double xv = x0 + (x1 - x0) * i / 4;
            double yv = y0 + (y1 - y0) * i / 4;
            s.append("<text x=\"").append(f(x(xv, x0, x1))).append("\" y=\"").append(bottom + 14)
                    .append("\" text-anchor=\"middle\">").append(fmt(xv)).append("</text>");
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y(yv - y0, y1 - y0) + 3))
                    .append("\" text-anchor=\"end\">").append(fmt(yv)).append("</text>");
        }
        s.append("<text x=\"").append((W + LEFT) / 2).append("\" y=\"").append(H - 6)
                .append("\" text-anchor=\"middle\">").append(HtmlText.escape(xLabel)).append("</text>")
                .append("<text x=\"12\" y=\"").append(TOP + (bottom - TOP) / 2).append("\" text-anchor=\"middle\" ")
                .append("transform=\"rotate(-90 12 ").append(TOP + (bottom - TOP) / 2).append(")\">")
                .append(HtmlText.escape(yLabel)).append("</text></g>");
    }

    private static void bars(StringBuilder s, int[] counts, int max, String colour) {
        double width = (W - LEFT - RIGHT) / (double) BINS;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double top = y(counts[i], max);
            s.append("<rect x=\"").append(f(LEFT + i * width)).append("\" y=\"").append(f(top)).append("\" width=\"")
                    .append(f(width - 1)).append("\" height=\"").append(f(H - BOTTOM - top)).append("\" fill=\"")
                    .append(colour).append("\" fill-opacity=\"0.55\"/>");
        }
    }

    private static void legend(StringBuilder s, int row, String colour, String text) {
        int yy = 6 + row * 16;
        s.append("<rect x=\"").append(W - 300).append("\" y=\"").append(yy).append("\" width=\"10\" height=\"10\" ")
                .append("fill=\"").append(colour).append("\"/><text x=\"").append(W - 284).append("\" y=\"")
                .append(yy + 9).append("\" font-size=\"11\" fill=\"#222\">").append(HtmlText.escape(text))
                .append("</text>");
    }

    private static int[] bins(double[] values, double lo, double hi) {
        int[] out = new int[BINS];
        for (double v : values) {
            out[Math.max(0, Math.min(BINS - 1, (int) ((v - lo) / (hi - lo) * BINS)))]++;
        }
        return out;
    }

    private static double x(double v, double lo, double hi) {
        return LEFT + (v - lo) / (hi - lo) * (W - LEFT - RIGHT);
    }

    private static double y(double v, double max) {
        return H - BOTTOM - v / max * (H - BOTTOM - TOP);
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
