package io.promptdesk.cli;

import io.promptdesk.engine.testing.BenchmarkReport;
import io.promptdesk.engine.testing.CaseFiles;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk benchmark}: the spec's run_performance_benchmark - render and validate each case N times. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Time rendering and validating each test case, N times each: throughput, mean, median, p95 and "
                + "p99, overall and per case (seconds).",
        footer = {"", "Case files: JSON array of objects, JSONL, YAML list, or CSV with a header row.",
                "Exit codes: 0 measured, 2 bad usage or input (a template with syntax errors, no cases)."})
public final class BenchmarkCommand extends CliCommand implements Callable<Integer> {
    static final int MAX_ITERATIONS = 100_000;

    @ArgGroup(multiplicity = "1")
    TemplateSource template;

    @Option(names = "--cases", paramLabel = "F", required = true, description = "Test case file.")
    Path cases;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100",
            description = "Times each case is rendered and validated (1.." + MAX_ITERATIONS
                    + ", default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--json", description = "Print the benchmark report as the spec's JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new BadInputException("--iterations must lie in 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        String text = template.read();
        List<Map<String, Object>> loaded = CaseFiles.read(cases);
        if (loaded.isEmpty()) {
            throw new BadInputException(cases + ": no test cases to benchmark");
        }
        BenchmarkReport r = new PromptTestRunner().runPerformanceBenchmark(text, loaded, iterations);
        PrintWriter out = out();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.println(String.format(Locale.ROOT, "%s: %d case(s) x %d iterations in %.3f s, %.0f cases/s",
                    template.name(), loaded.size(), r.iterations(), r.totalTime(), r.throughput()));
            out.println(String.format(Locale.ROOT, "  per case: mean %s  median %s  p95 %s  p99 %s",
                    micros(r.mean()), micros(r.median()), micros(r.p95()), micros(r.p99())));
            for (BenchmarkReport.CaseTiming c : r.cases()) {
                out.println(String.format(Locale.ROOT, "  case %d: mean %s  p95 %s", c.caseIndex(), micros(c.mean()),
                        micros(c.p95())));
            }
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }

    private static String micros(double seconds) {
        return String.format(Locale.ROOT, "%.1f us", seconds * 1e6);
    }
}
