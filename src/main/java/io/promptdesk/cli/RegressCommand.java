package io.promptdesk.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk regress}: is current slower or worse than baseline? Exit 0 no, 1 yes, 2 bad usage or input. */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Detect a performance regression of current against baseline (Welch t-test and "
                + "Mann-Whitney U, Cohen's d, Welch confidence interval; everything is current minus baseline).",
                "Sample files: a JSON array of numbers, one number per line, or CSV with a header (--column)."},
        footer = {"", "Exit codes: 0 no regression, 1 regression detected or inconclusive (too few values to judge; "
                + "--allow-inconclusive passes it), 2 bad usage or input."})
public final class RegressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "Baseline measurements.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "Current measurements.")
    Path current;

    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "metric", description = "Metric name "
            + "(default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--tests", split = ",", paramLabel = "TEST", description = "t_test and/or mann_whitney "
            + "(default: both).")
    List<String> tests;

    @Option(names = "--direction", paramLabel = "D", defaultValue = "both", description = "increase, decrease "
            + "or both (default: ${DEFAULT-VALUE}).")
    String direction;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95", description = "Confidence "
            + "level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--min-effect-size", paramLabel = "D", defaultValue = "0.5", description = "Smallest |Cohen's "
            + "d| that counts (default: ${DEFAULT-VALUE}).")
    double minEffectSize;

    @Option(names = "--outlier-threshold", paramLabel = "Z", defaultValue = "3.0", description = "Modified "
            + "z-score beyond which values are dropped; <= 0 keeps all (default: ${DEFAULT-VALUE}).")
    double outlierThreshold;

    @Option(names = "--drop-nan", description = "Drop NaN, infinities and missing values instead of failing.")
    boolean dropNan;

    @Option(names = "--column", paramLabel = "NAME", description = "CSV column to read from both files.")
    String column;

    @Option(names = "--json", description = "Print only the JSON result (the spec's keys, and verdict: regression, "
            + "no_regression or inconclusive).")
    boolean json;

    @Option(names = "--allow-inconclusive", description = "Pass the gate (exit 0) when the samples are too small to "
            + "judge; by default that fails closed (exit 1).")
    boolean allowInconclusive;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Direction dir = Direction.parse(direction);
        PerformanceRegressionDetector detector =
                new PerformanceRegressionDetector(confidence, minEffectSize, outlierThreshold);
        List<SampleFiles.Sample> samples = SampleFiles.readPair(baseline, current, column, dropNan);
        SampleFiles.Sample b = samples.get(0);
        SampleFiles.Sample c = samples.get(1);
        RegressionResult r = detector.detectRegression(b.values(), c.values(), metric, tests, dir, dropNan);
        String cannotJudge = cannotJudge(r);
        String verdict = r.regressionDetected() ? "regression" : cannotJudge != null ? "inconclusive" : "no_regression";
        if (json) {
            Map<String, Object> view = Json.mapper().convertValue(r,
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            view.put("verdict", verdict);
            out.println(Json.pretty(view));
        } else if (cannotJudge != null && !r.regressionDetected()) {
            out.printf(Locale.ROOT, "INCONCLUSIVE  %s: %s%n", r.metricName(), cannotJudge);
        } else {
            printSummary(out, r, b.values().length, c.values().length);
        }
        out.flush();
        if (cannotJudge != null && !r.regressionDetected()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("promptdesk regress: inconclusive: " + cannotJudge + (allowInconclusive
                    ? " (allowed by --allow-inconclusive)"
                    : "; the gate fails closed (--allow-inconclusive passes it)"));
            err.flush();
            return allowInconclusive ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
        }
        return r.regressionDetected() ? PromptDeskCommand.EXIT_GATE_FAILED : PromptDeskCommand.EXIT_OK;
    }

    /** Why the tests cannot judge (too few values, no variance to test), or null when they can. */
    static String cannotJudge(RegressionResult r) {
        // The detector's own criterion for "Cannot judge" in its recommendation: a test or the effect undefined.
        if (Double.isNaN(r.pValue()) || Double.isNaN(r.effectSize())) {
            return "the statistical tests or the effect size are undefined for these samples (a group with a single "
                    + "value, or no variation: see warnings); collect at least two varying values per group";
        }
        return null;
    }

    private void printSummary(PrintWriter out, RegressionResult r, int nBaseline, int nCurrent) {
        out.printf(Locale.ROOT, "%s  %s (direction %s, %s%% confidence)%n",
                r.regressionDetected() ? "REGRESSION" : "NO REGRESSION", r.metricName(), r.direction().label(),
                fmt(confidence * 100));
        group(out, "baseline", r.summaryStatistics().baseline(), nBaseline, r.outliersRemoved().baseline());
        group(out, "current", r.summaryStatistics().current(), nCurrent, r.outliersRemoved().current());
        if (r.statisticalTests().tTest() != null) {
            test(out, "t_test", "t", r.statisticalTests().tTest());
        }
        if (r.statisticalTests().mannWhitney() != null) {
            test(out, "mann_whitney", "U", r.statisticalTests().mannWhitney());
        }
        out.printf(Locale.ROOT, "  effect size (Cohen's d) %s; %s%% interval of the difference [%s, %s]%n",
                fmt(r.effectSize()), fmt(confidence * 100), fmt(r.confidenceInterval().lower()),
                fmt(r.confidenceInterval().upper()));
        out.printf(Locale.ROOT, "  p_value %s, confidence %s%n", fmt(r.pValue()), fmt(r.confidence()));
        for (String w : r.warnings()) {
            out.println("  warning: " + w);
        }
        out.println("  " + r.recommendation());
    }

    private static void group(PrintWriter out, String name, RegressionResult.GroupSummary g, int n, int outliers) {
        out.printf(Locale.ROOT, "  %-9s n %d (%d outlier(s) removed)  mean %s  std %s  median %s  min %s  max %s%n",
                name, n, outliers, fmt(g.mean()), fmt(g.std()), fmt(g.median()), fmt(g.min()), fmt(g.max()));
    }

    private static void test(PrintWriter out, String name, String symbol, RegressionResult.TestResult t) {
        out.printf(Locale.ROOT, "  %-13s %s = %s  p = %s  %s%n", name, symbol, fmt(t.statistic()), fmt(t.pValue()),
                t.significant() ? "significant" : "not significant");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }
}
