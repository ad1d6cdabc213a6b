package io.promptdesk.cli;

import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.engine.stats.TrendResult;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code promptdesk trend}: least-squares trend of a metric and its next value. */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = {"Fit a least-squares trend to a metric (over timestamps, or over 0..n-1) and predict the "
                + "next value with a 95%% prediction interval.",
                "Sample files: a JSON array of numbers, one number per line, or CSV with a header (--column)."},
        footer = {"", "Exit codes: 0 done, 2 bad usage or input."})
public final class TrendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--values", required = true, paramLabel = "FILE", description = "The metric, oldest first.")
    Path values;

    @Option(names = "--timestamps", paramLabel = "FILE", description = "One timestamp per value (default: the "
            + "index 0..n-1).")
    Path timestamps;

    @Option(names = "--column", paramLabel = "NAME", description = "CSV column of the values file.")
    String column;

    @Option(names = "--timestamp-column", paramLabel = "NAME", description = "CSV column of the timestamps file.")
    String timestampColumn;

    @Option(names = "--drop-nan", description = "Drop points with NaN, infinite or missing numbers.")
    boolean dropNan;

    @Option(names = "--json", description = "Print only the JSON result.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double[] y = read(values, column);
        double[] x = timestamps == null ? null : read(timestamps, timestampColumn);
        TrendResult t = new PerformanceRegressionDetector().calculateTrend(y, x, dropNan);
        if (json) {
            out.println(Json.pretty(t));
        } else {
            out.printf(Locale.ROOT, "TREND  %s: slope %s per %s (p = %s), R^2 %s%n", t.direction().label(),
                    RegressCommand.fmt(t.slope()), x == null ? "step" : "time unit",
                    RegressCommand.fmt(t.pValue()), RegressCommand.fmt(t.rSquared()));
            out.printf(Locale.ROOT, "  intercept %s, slope standard error %s%n",
                    RegressCommand.fmt(t.intercept()), RegressCommand.fmt(t.stdErr()));
            out.printf(Locale.ROOT, "  next at %s: %s, 95%% prediction interval [%s, %s]%n",
                    RegressCommand.fmt(t.prediction().at()), RegressCommand.fmt(t.prediction().value()),
                    RegressCommand.fmt(t.prediction().lower()), RegressCommand.fmt(t.prediction().upper()));
            t.warnings().forEach(w -> out.println("  warning: " + w));
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }

    /**
     * Without --drop-nan a non-finite entry is reported with its file and line; with it, entries keep their place
     * (as NaN) so that values and timestamps stay paired and the engine drops whole points.
     */
    private double[] read(Path file, String fileColumn) {
        return dropNan ? SampleFiles.readKeepingNonFinite(file, fileColumn)
                : SampleFiles.read(file, fileColumn, false).values();
    }
}
