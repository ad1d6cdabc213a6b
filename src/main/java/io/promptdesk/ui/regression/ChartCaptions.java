package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.TrendResult;

/** The titles above the charts, saying in words what each one shows for this outcome. */
final class ChartCaptions {

    private ChartCaptions() {
    }

    static String distributions(AnalysisOutcome o) {
        int hidden = o.shapes().distribution().hidden();
        return "Distributions" + (hidden > 0 ? " (" + Format.count(hidden) + " off-scale)" : "");
    }

    static String boxPlots(AnalysisOutcome o) {
        int beyond = o.shapes().baselineBox().beyondWhiskers() + o.shapes().currentBox().beyondWhiskers();
        return "Box plots" + (beyond > 0 ? " (" + Format.count(beyond) + " past whiskers)" : "");
    }

    static String means(AnalysisOutcome o) {
        return "Means, " + Format.percent(o.settings().confidence()) + " intervals";
    }

    static String difference(AnalysisOutcome o) {
        IntervalData iv = o.intervals();
        if (iv == null) {
            return "Mean difference";
        }
        return "Difference " + Format.signed(iv.difference()) + "; band |d| < "
                + Format.num(o.settings().minEffectSize());
    }

    static String trend(AnalysisOutcome o) {
        TrendData t = o.trend();
        if (t == null || t.fit() == null) {
            return "Trend" + (t != null && t.error() != null ? ": " + t.error() : "");
        }
        TrendResult f = t.fit();
        return "Trend " + f.direction().label() + ", slope " + Format.signed(f.slope()) + ", "
                + Format.pIs(f.pValue())
                + (t.hidden() > 0 ? " (" + Format.count(t.hidden()) + " off-scale)" : "");
    }

    static String trendAxis(AnalysisOutcome o) {
        TrendData t = o.trend();
        return t != null && t.bucket() > 1 ? "measurement # (means of " + Format.count(t.bucket()) + ")"
                : "measurement #";
    }
}
