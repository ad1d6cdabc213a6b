package io.promptdesk.engine.stats;

import java.util.Locale;

/** The one-sentence advice of a regression result, with the numbers behind it. */
final class Recommendation {

    private Recommendation() {
    }

    static String of(String metric, boolean detected, double baselineMean, double currentMean, double effectSize,
                     double pValue, double confidenceLevel, double minEffectSize, Direction direction) {
        double change = currentMean - baselineMean;
        String moved = String.format(Locale.ROOT, "%s %s from %s to %s (%s%s%s)", metric,
                change > 0 ? "rose" : "fell", num(baselineMean), num(currentMean),
                change >= 0 ? "+" : "", num(change), percent(change, baselineMean));
        if (change == 0) {
            moved = metric + " kept its mean of " + num(baselineMean);
        }
        String level = String.format(Locale.ROOT, "%s%%", num(confidenceLevel * 100));
        if (Double.isNaN(pValue) || Double.isNaN(effectSize)) {
            return "Cannot judge " + metric + ": the tests are undefined for these samples (see warnings); collect "
                    + "at least two varying measurements in each group and rerun.";
        }
        String stats = String.format(Locale.ROOT, "Cohen's d %s, p = %s", num(effectSize), p(pValue));
        if (detected) {
            return "Regression: " + moved + ", " + stats + ", significant at the " + level
                    + " level; hold this version back until the cause is found.";
        }
        if (!(pValue < 1 - confidenceLevel)) {
            return "No regression: " + moved + ", " + stats + ", not significant at the " + level
                    + " level; safe to proceed.";
        }
        if (Math.abs(effectSize) < minEffectSize) {
            return "No regression: " + moved + ", " + stats + "; significant, but the effect is below the minimum of "
                    + num(minEffectSize) + "; proceed and keep watching " + metric + ".";
        }
        return "No regression: " + moved + ", " + stats + "; the change is against the considered direction ("
                + direction.label() + "), so it is not a regression; safe to proceed.";
    }

    private static String percent(double change, double baseline) {
        if (baseline == 0 || !Double.isFinite(change / baseline)) {
            return "";
        }
        return String.format(Locale.ROOT, ", %s%.1f%%", change >= 0 ? "+" : "", 100 * change / baseline);
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "undefined" : (v > 0 ? "infinite" : "-infinite");
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2g", p) : num(p);
    }
}
