package io.promptdesk.cli;

import io.promptdesk.engine.stats.DistributionComparison;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static io.promptdesk.cli.RegressCommand.fmt;

/** {@code promptdesk compare}: how distribution b differs from distribution a. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two distributions: Kolmogorov-Smirnov, Mann-Whitney, and b minus a at the median, "
                + "p90, p95 and p99 with bootstrap intervals (seeded, so reruns agree).",
                "Sample files: a JSON array of numbers, one number per line, or CSV with a header (--column)."},
        footer = {"", "Exit codes: 0 done, 2 bad usage or input."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "FILE", description = "The reference distribution.")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "FILE", description = "The distribution compared to it.")
    Path b;

    @Option(names = "--column", paramLabel = "NAME", description = "CSV column to read from both files.")
    String column;

    @Option(names = "--drop-nan", description = "Drop NaN, infinities and missing values instead of failing.")
    boolean dropNan;

    @Option(names = "--json", description = "Print only the JSON result.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SampleFiles.Sample> samples = SampleFiles.readPair(a, b, column, dropNan);
        double[] first = samples.get(0).values();
        double[] second = samples.get(1).values();
        DistributionComparison c = new PerformanceRegressionDetector().compareDistributions(first, second, dropNan);
        if (json) {
            out.println(Json.pretty(c));
        } else {
            DistributionComparison.KolmogorovSmirnov ks = c.kolmogorovSmirnov();
            out.printf(Locale.ROOT, "Kolmogorov-Smirnov  D = %s  p = %s (%s), largest gap at %s where b's "
                            + "distribution is %s%n", fmt(ks.statistic()), fmt(ks.pValue()), ks.method(),
                    fmt(ks.statisticLocation()), ks.statisticSign() < 0 ? "below (b larger)" : "above (b smaller)");
            out.printf(Locale.ROOT, "Mann-Whitney        U = %s  p = %s (%s)%n", fmt(c.mannWhitney().statistic()),
                    fmt(c.mannWhitney().pValue()), c.mannWhitney().method());
            out.printf(Locale.ROOT, "b - a with %s%% bootstrap intervals (%d resamples, seed %d):%n",
                    fmt(c.bootstrap().confidenceLevel() * 100), c.bootstrap().resamples(), c.bootstrap().seed());
            for (DistributionComparison.PercentileDifference p : c.percentileDifferences()) {
                out.printf(Locale.ROOT, "  p%-3s a %-12s b %-12s difference %-12s [%s, %s]%n",
                        fmt(p.percentile()), fmt(p.a()), fmt(p.b()), fmt(p.difference()), fmt(p.lower()),
                        fmt(p.upper()));
            }
            c.warnings().forEach(w -> out.println("warning: " + w));
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
