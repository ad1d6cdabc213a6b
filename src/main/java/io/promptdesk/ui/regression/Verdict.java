package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.DistributionComparison;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.engine.stats.RegressionResult.GroupSummary;
import io.promptdesk.engine.stats.RegressionResult.TestResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict panel's content, worded for a person: a headline, the recommendation, one row per number and the
 * warnings. Built from an outcome; the view only lays it out and colours it by {@link #status()}.
 */
public record Verdict(Status status, String headline, String recommendation, List<Row> rows,
                      List<String> warnings) {

    public Verdict {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    public enum Status { WAITING, REGRESSION, NO_REGRESSION, FAILED }

    /** A label and its value, e.g. "Welch t-test" and "t = 5.1, p = 3.2e-07, significant". */
    public record Row(String label, String value) {
    }

    static Verdict waiting(String message) {
        return new Verdict(Status.WAITING, message, "", List.of(), List.of());
    }

    static Verdict of(AnalysisOutcome outcome) {
        if (!outcome.succeeded()) {
            return new Verdict(Status.FAILED, "Cannot analyse", capitalise(outcome.error()) + ".", List.of(),
                    List.of());
        }
        RegressionResult r = outcome.analysis().regression();
        Settings s = outcome.settings();
        IntervalData iv = outcome.intervals();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Metric", r.metricName() + ", direction " + r.direction().label()));
        rows.add(new Row("Baseline", group(r.summaryStatistics().baseline(), iv.baselineN(),
                r.outliersRemoved().baseline())));
        rows.add(new Row("Current", group(r.summaryStatistics().current(), iv.currentN(),
                r.outliersRemoved().current())));
        TestResult t = r.statisticalTests().tTest();
        if (t != null) {
            rows.add(new Row("Welch t-test", "t = " + Format.num(t.statistic()) + ", " + test(t)));
        }
        TestResult u = r.statisticalTests().mannWhitney();
        if (u != null) {
            rows.add(new Row("Mann-Whitney U", "U = " + Format.num(u.statistic()) + ", " + test(u)));
        }
        rows.add(new Row("Effect size", "Cohen's d " + Format.num(r.effectSize()) + " (minimum "
                + Format.num(s.minEffectSize()) + ")"));
        rows.add(new Row("Mean difference", Format.signed(iv.difference()) + ", " + Format.percent(s.confidence())
                + " CI [" + Format.num(r.confidenceInterval().lower()) + ", "
                + Format.num(r.confidenceInterval().upper()) + "]"));
        rows.add(new Row("p-value", Format.p(r.pValue()) + " (largest of the tests; confidence "
                + Format.num(r.confidence()) + ")"));
        rows.add(new Row("Outliers removed", "baseline " + r.outliersRemoved().baseline() + ", current "
                + r.outliersRemoved().current() + (s.outlierThreshold() > 0
                ? " (|modified z| > " + Format.num(s.outlierThreshold()) + ")" : " (filter off)")));
        DistributionComparison d = outcome.analysis().distributions();
        rows.add(new Row("Kolmogorov-Smirnov", "D = " + Format.num(d.kolmogorovSmirnov().statistic()) + ", "
                + Format.pIs(d.kolmogorovSmirnov().pValue())));
        for (DistributionComparison.PercentileDifference p : d.percentileDifferences()) {
            if (p.percentile() >= 90) {
                rows.add(new Row("p" + Format.num(p.percentile()) + " difference", Format.signed(p.difference())
                        + " [" + Format.num(p.lower()) + ", " + Format.num(p.upper()) + "]"));
            }
        }
        List<String> warnings = new ArrayList<>(r.warnings());
        for (String w : d.warnings()) {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        }
        boolean detected = r.regressionDetected();
        String headline = detected ? "Regression detected" : "No regression";
        return new Verdict(detected ? Status.REGRESSION : Status.NO_REGRESSION, headline, r.recommendation(), rows,
                warnings);
    }

    private static String group(GroupSummary g, int n, int outliers) {
        return "n " + Format.count(n) + ", mean " + Format.num(g.mean()) + ", median " + Format.num(g.median())
                + ", sd " + Format.num(g.std()) + (outliers > 0 ? " (after removing " + outliers + ")" : "");
    }

    private static String test(TestResult t) {
        return Format.pIs(t.pValue()) + (t.significant() ? ", significant" : ", not significant");
    }

    private static String capitalise(String s) {
        if (s == null || s.isEmpty()) {
            return "The samples cannot be analysed";
        }
        String trimmed = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
